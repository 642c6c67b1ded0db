package io.pgasync.internal.connect;

import io.pgasync.exception.PgConfigurationException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parses libpq connection strings: URLs ({@code postgresql://} or {@code postgres://}) and {@code key=value}
 * strings, following libpq's grammar (multiple hosts, bracketed IPv6 addresses, percent-encoding in URLs, single
 * quotes and backslash escapes in {@code key=value} strings, later keywords replacing earlier ones).
 *
 * <p>Differences from libpq: unknown URL query parameters become server settings (as in asyncpg) instead of an
 * error; libpq keywords pgasync does not support, and other drivers' class- or file-naming keywords, are refused
 * with the reason. Error messages never quote the password, nor any fragment of a URL's user, host or port part
 * that could hold one.
 */
public final class ConnectionStrings {

    private static final String URL_PREFIX = "postgresql://";
    private static final String SHORT_URL_PREFIX = "postgres://";

    private ConnectionStrings() {
    }

    /**
     * Parses a connection string.
     *
     * @param dsn a URL, a {@code key=value} string, or an empty string (no settings)
     * @return the settings it gives
     * @throws PgConfigurationException when the string is malformed or names an unknown or unsupported keyword;
     *     the message never contains the password
     */
    public static ParsedDsn parse(String dsn) {
        Objects.requireNonNull(dsn, "dsn");
        String s = dsn.strip();
        if (s.isEmpty()) {
            return ParsedDsn.EMPTY;
        }
        Context ctx = new Context();
        try {
            if (s.regionMatches(true, 0, "jdbc:", 0, 5)) {
                throw error("a JDBC URL is not a libpq connection string: remove the \"jdbc:\" prefix"
                        + " (postgresql://user@host:5432/database)", null);
            }
            int prefix = urlPrefixLength(s);
            if (prefix > 0) {
                parseUrl(s.substring(prefix), ctx);
            } else if (s.indexOf('=') >= 0) {
                parseKeyValue(s, ctx);
            } else {
                throw error("not a connection string: expected a URL such as"
                        + " postgresql://user@localhost:5432/database?sslmode=verify-full, or key=value pairs such as"
                        + " host=localhost dbname=database", null);
            }
        } catch (PgConfigurationException e) {
            String scrubbed = Redaction.scrub(e.getMessage(), ctx.secrets.toArray(new String[0]));
            if (scrubbed.equals(e.getMessage())) {
                throw e;
            }
            throw new PgConfigurationException(scrubbed, e.getKey());
        }
        return new ParsedDsn(ctx.values, ctx.serverSettings, ctx.hideAuthority);
    }

    private static int urlPrefixLength(String s) {
        if (s.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length())) {
            return URL_PREFIX.length();
        }
        if (s.regionMatches(true, 0, SHORT_URL_PREFIX, 0, SHORT_URL_PREFIX.length())) {
            return SHORT_URL_PREFIX.length();
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------- URL

    private static void parseUrl(String rest, Context ctx) {
        int n = rest.length();
        ctx.hideAuthority = rest.indexOf('@') >= 0;
        boolean showAuthority = !ctx.hideAuthority;
        int p = 0;

        // Credentials: as in libpq, the first '@' before the first '/' ends them.
        int scan = 0;
        while (scan < n && rest.charAt(scan) != '@' && rest.charAt(scan) != '/') {
            scan++;
        }
        if (scan < n && rest.charAt(scan) == '@') {
            String userinfo = rest.substring(0, scan);
            int colon = userinfo.indexOf(':');
            String rawUser = colon < 0 ? userinfo : userinfo.substring(0, colon);
            if (colon >= 0) {
                String rawPassword = userinfo.substring(colon + 1);
                ctx.secrets.add(rawPassword);
                String password = decode(rawPassword, "the password in the URL", "password", false);
                ctx.secrets.add(password);
                if (!password.isEmpty()) {
                    ctx.values.put("password", password);
                }
            }
            String user = decode(rawUser, "the user name in the URL", "user", false);
            if (!user.isEmpty()) {
                ctx.values.put("user", user);
            }
            p = scan + 1;
        }

        // Hosts: host[:port][,host[:port]...]; an IPv6 address is written in brackets.
        StringBuilder hosts = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        boolean anyHost = false;
        boolean anyPort = false;
        for (int index = 1; ; index++) {
            String rawHost;
            if (p < n && rest.charAt(p) == '[') {
                int close = rest.indexOf(']', p + 1);
                if (close < 0) {
                    throw error("host #" + index + " in the URL starts with '[' but has no closing ']'"
                            + " (write an IPv6 address as [::1] or [::1]:5432)", "host");
                }
                if (close == p + 1) {
                    throw error("host #" + index + " in the URL is an empty IPv6 address \"[]\"", "host");
                }
                rawHost = rest.substring(p + 1, close);
                p = close + 1;
                if (p < n && ":/?,".indexOf(rest.charAt(p)) < 0) {
                    throw error("unexpected character after the IPv6 address of host #" + index
                            + " in the URL: expected ':', '/', '?' or ','", "host");
                }
            } else {
                int start = p;
                while (p < n && ":/?,".indexOf(rest.charAt(p)) < 0) {
                    p++;
                }
                rawHost = rest.substring(start, p);
            }
            String rawPort = "";
            if (p < n && rest.charAt(p) == ':') {
                int start = ++p;
                while (p < n && "/?,".indexOf(rest.charAt(p)) < 0) {
                    p++;
                }
                rawPort = rest.substring(start, p);
            }
            if (rawHost.indexOf('@') >= 0 || rawPort.indexOf('@') >= 0) {
                throw error("unexpected '@' in the host part of the URL: percent-encode '@' in a user name or"
                        + " password as %40", "host");
            }
            String host = decode(rawHost, "host #" + index + " in the URL", "host", showAuthority);
            String port = decode(rawPort, "the port of host #" + index + " in the URL", "port", showAuthority);
            if (host.indexOf(',') >= 0) {
                throw error("host #" + index + " in the URL contains ',' after percent-decoding; ',' separates"
                        + " hosts", "host");
            }
            if (index > 1) {
                hosts.append(',');
                ports.append(',');
            }
            hosts.append(host);
            ports.append(port);
            anyHost |= !host.isEmpty();
            anyPort |= !port.isEmpty();
            if (p < n && rest.charAt(p) == ',') {
                p++;
                continue;
            }
            break;
        }
        if (anyHost) {
            ctx.values.put("host", hosts.toString());
        }
        if (anyPort) {
            ctx.values.put("port", ports.toString());
        }

        // Database: everything between the '/' and the '?'.
        if (p < n && rest.charAt(p) == '/') {
            int start = ++p;
            while (p < n && rest.charAt(p) != '?') {
                p++;
            }
            String rawDb = rest.substring(start, p);
            if (rawDb.indexOf('@') >= 0) {
                throw error("unexpected '@' after the host part of the URL: if the user name or password contains"
                        + " '/', percent-encode it as %2F; write '@' in a database name as %40", "dbname");
            }
            String db = decode(rawDb, "the database name in the URL", "dbname", showAuthority);
            if (!db.isEmpty()) {
                ctx.values.put("dbname", db);
            }
        }

        if (p < n && rest.charAt(p) == '?') {
            parseQuery(rest.substring(p + 1), ctx);
        }
    }

    private static void parseQuery(String query, Context ctx) {
        int index = 0;
        int start = 0;
        int n = query.length();
        while (start <= n) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = n;
            }
            String segment = query.substring(start, end);
            start = end + 1;
            if (segment.isEmpty()) {
                continue;
            }
            index++;
            int eq = segment.indexOf('=');
            if (eq < 0) {
                throw error("query parameter " + describeKey(segment, index) + " of the URL has no '='"
                        + " (expected name=value)", null);
            }
            String rawKey = segment.substring(0, eq);
            if (segment.indexOf('=', eq + 1) >= 0) {
                throw error("query parameter " + describeKey(rawKey, index) + " of the URL has more than one '=':"
                        + " percent-encode '=' in a value as %3D", null);
            }
            String key = decode(rawKey, "the name of query parameter #" + index + " of the URL", null, false);
            if (key.isEmpty()) {
                throw error("query parameter #" + index + " of the URL has an empty name", null);
            }
            boolean secretKey = isSecretKey(key);
            String rawValue = segment.substring(eq + 1);
            if (secretKey) {
                ctx.secrets.add(rawValue);
            }
            String value = decode(rawValue, "the value of query parameter " + describeKey(key, index) + " of the URL",
                    key, !secretKey);
            apply(key, value, true, false, index, ctx);
        }
    }

    // ----------------------------------------------------------------------------------------------- key=value

    private static void parseKeyValue(String s, Context ctx) {
        int n = s.length();
        int i = 0;
        int index = 0;
        boolean afterSecret = false;
        for (;;) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return;
            }
            index++;
            int keyStart = i;
            while (i < n && s.charAt(i) != '=' && !isSpace(s.charAt(i))) {
                i++;
            }
            String key = s.substring(keyStart, i);
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            String shownKey = afterSecret ? "#" + index : describeKey(key, index);
            if (i >= n || s.charAt(i) != '=') {
                throw error("missing '=' after word " + shownKey + " of the connection string: write key=value"
                        + " pairs, and quote a value that contains spaces: key='a b'", null);
            }
            if (key.isEmpty()) {
                throw error("missing keyword before '=' in pair #" + index + " of the connection string", null);
            }
            i++;
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c == '\\') {
                        i++;
                        if (i < n) {
                            value.append(s.charAt(i++));
                        }
                        continue;
                    }
                    i++;
                    if (c == '\'') {
                        closed = true;
                        break;
                    }
                    value.append(c);
                }
                if (!closed) {
                    throw error("unterminated quoted value for " + shownKey + " in the connection string: a value that"
                            + " starts with ' must end with ' (write \\' for a quote inside it)", null);
                }
            } else {
                while (i < n && !isSpace(s.charAt(i))) {
                    char c = s.charAt(i++);
                    if (c == '\\') {
                        if (i < n) {
                            value.append(s.charAt(i++));
                        }
                    } else {
                        value.append(c);
                    }
                }
            }
            boolean secretKey = isSecretKey(key);
            if (secretKey) {
                ctx.secrets.add(value.toString());
            }
            apply(key, value.toString(), false, afterSecret, index, ctx);
            afterSecret = secretKey;
        }
    }

    // ------------------------------------------------------------------------------------------------- common

    private static void apply(String key, String value, boolean url, boolean hideKey, int index, Context ctx) {
        String shownKey = hideKey ? "#" + index : describeKey(key, index);
        if (key.equals("requiressl")) {
            // libpq's deprecated alias: 1 means sslmode=require, anything else sslmode=prefer
            ctx.values.put("sslmode", value.startsWith("1") ? "require" : "prefer");
            return;
        }
        if (url && key.equals("ssl")) {
            // libpq's JDBC-compatibility alias, URLs only
            if (!value.equalsIgnoreCase("true")) {
                throw error("invalid ssl value " + Redaction.quote(value) + ": only ssl=true (meaning"
                        + " sslmode=require) is accepted; use sslmode=disable, allow, prefer, require, verify-ca or"
                        + " verify-full", "ssl");
            }
            ctx.values.put("sslmode", "require");
            return;
        }
        String canonical = Keywords.canonical(key);
        if (canonical != null) {
            ctx.values.remove(canonical); // keep the order of the last occurrence: later ones win
            ctx.values.put(canonical, value);
            return;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (!lower.equals(key) && (Keywords.canonical(lower) != null || Keywords.unsupportedReason(lower) != null)) {
            throw error("unknown " + (url ? "query parameter " : "keyword ") + shownKey + ": connection keywords"
                    + " are case-sensitive, write " + lower, hideKey ? null : key);
        }
        String reason = Keywords.unsupportedReason(key);
        if (reason != null) {
            throw error("unsupported connection parameter " + key + ": " + reason, key);
        }
        if (Keywords.isForeignDangerous(key)) {
            throw error("unsupported connection parameter " + shownKey + ": it is another driver's setting that names"
                    + " a class to load or a file to write, and pgasync never loads classes or writes files named in"
                    + " a connection string", hideKey ? null : key);
        }
        if (!url) {
            throw error("unknown keyword " + shownKey + " in the connection string: expected a libpq keyword (host,"
                    + " port, dbname, user, password, sslmode, ...) or a pgasync keyword (statementCacheSize, ...);"
                    + " give server settings as options='-c name=value'", hideKey ? null : key);
        }
        if (Keywords.looksSecret(key)) {
            throw error("unknown query parameter " + shownKey + " in the URL: it is not sent to the server as a"
                    + " setting because its name suggests a secret (did you mean password?)", null);
        }
        if (!isSettingName(key)) {
            throw error("query parameter " + shownKey + " of the URL is neither a connection parameter nor a valid"
                    + " server setting name (letters, digits, '_', '.' and '$', at most 63 characters)", null);
        }
        ctx.serverSettings.remove(key);
        ctx.serverSettings.put(key, value);
    }

    /**
     * Whether a name is a valid PostgreSQL setting (GUC) name: letters, digits, {@code _}, {@code .} and
     * {@code $}, not starting with a digit, at most 63 characters.
     *
     * @param name the name
     * @return true when valid
     */
    public static boolean isSettingName(String name) {
        if (name.isEmpty() || name.length() > 63) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.'
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '$'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSecretKey(String key) {
        return key.equals("password") || key.equals("sslpassword") || Keywords.looksSecret(key);
    }

    /** A keyword for a message: quoted when it looks like a keyword, else described by its position. */
    private static String describeKey(String key, int index) {
        if (key.isEmpty() || key.length() > 64) {
            return "#" + index;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || c == '.';
            if (!ok) {
                return "#" + index;
            }
        }
        return Redaction.quote(key);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
    }

    /**
     * Percent-decodes one URL component as libpq does: leading and trailing spaces are dropped, a space inside is
     * an error, {@code %xx} is a byte and {@code %00} is refused; the bytes must be UTF-8.
     */
    private static String decode(String raw, String what, String key, boolean show) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) == ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) == ' ') {
            end--;
        }
        String s = raw.substring(start, end);
        String shown = show ? " (" + Redaction.quote(s) + ")" : "";
        if (s.indexOf(' ') >= 0) {
            throw error(what + " contains a space" + shown + ": write a space as %20", key);
        }
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 1 < s.length() ? hexValue(s.charAt(i + 1)) : -1;
                int lo = i + 2 < s.length() ? hexValue(s.charAt(i + 2)) : -1;
                if (hi < 0 || lo < 0) {
                    throw error(what + " has an invalid percent-encoding" + shown + ": '%' must be followed by two"
                            + " hexadecimal digits (write '%' itself as %25)", key);
                }
                int b = (hi << 4) | lo;
                if (b == 0) {
                    throw error(what + " contains %00, which is not allowed", key);
                }
                bytes.write(b);
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error(what + " is not valid UTF-8 after percent-decoding" + shown, key);
        }
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static PgConfigurationException error(String message, String key) {
        return new PgConfigurationException(message, key);
    }

    /** The parse state: values, server settings, and every secret seen so far (for the final scrub). */
    private static final class Context {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, String> serverSettings = new LinkedHashMap<>();
        final List<String> secrets = new ArrayList<>();
        boolean hideAuthority;
    }
}
