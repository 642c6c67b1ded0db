package io.pgasync.internal.connect;

import io.pgasync.exception.PgConfigurationException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue of connection-string keywords: the libpq keywords pgasync supports (with their environment
 * variables), pgasync's own tuning keywords, the libpq keywords it refuses (and why), and keywords from other
 * drivers that must never be honoured. Also builds the "invalid value" errors of the option enums.
 */
public final class Keywords {

    /** The libpq keywords pgasync supports, mapped to their environment variable (null when libpq has none). */
    private static final Map<String, String> LIBPQ = new LinkedHashMap<>();

    /** pgasync's own keywords, by their canonical (camelCase) name. */
    private static final Set<String> DRIVER = Set.of(
            "statementCacheSize", "maxCachedStatementLifetime", "maxCacheableStatementSize", "pipelineLimit",
            "maxMessageSize", "scramMaxIterations", "errorDetailInMessages", "nativeTransport", "commandTimeout",
            "tcpNoDelay", "rewriteBatchedInserts", "cancelGracePeriod");

    /** pgasync's keywords by normalised spelling (lower case, no underscores), so snake_case works too. */
    private static final Map<String, String> DRIVER_BY_NORMALISED = new HashMap<>();

    /** libpq keywords pgasync recognises but does not support, with the reason given to the user. */
    private static final Map<String, String> UNSUPPORTED = new HashMap<>();

    /** Keywords of other drivers that name classes or files; never honoured (CVE-2022-21724, CVE-2022-26520). */
    private static final Set<String> FOREIGN_DANGEROUS = Set.of(
            "socketfactory", "socketfactoryarg", "sslfactory", "sslfactoryarg", "sslhostnameverifier",
            "sslpasswordcallback", "authenticationpluginclassname", "loggerfile", "loggerlevel");

    static {
        LIBPQ.put("host", "PGHOST");
        LIBPQ.put("hostaddr", "PGHOSTADDR");
        LIBPQ.put("port", "PGPORT");
        LIBPQ.put("dbname", "PGDATABASE");
        LIBPQ.put("user", "PGUSER");
        LIBPQ.put("password", "PGPASSWORD");
        LIBPQ.put("passfile", "PGPASSFILE");
        LIBPQ.put("channel_binding", "PGCHANNELBINDING");
        LIBPQ.put("connect_timeout", "PGCONNECT_TIMEOUT");
        LIBPQ.put("client_encoding", null); // PGCLIENTENCODING is for terminal tools; pgasync always uses UTF8
        LIBPQ.put("options", "PGOPTIONS");
        LIBPQ.put("application_name", "PGAPPNAME");
        LIBPQ.put("fallback_application_name", null);
        LIBPQ.put("keepalives", null);
        LIBPQ.put("keepalives_idle", null);
        LIBPQ.put("keepalives_interval", null);
        LIBPQ.put("keepalives_count", null);
        LIBPQ.put("tcp_user_timeout", null);
        LIBPQ.put("sslmode", "PGSSLMODE");
        LIBPQ.put("sslnegotiation", "PGSSLNEGOTIATION");
        LIBPQ.put("sslcompression", null);
        LIBPQ.put("sslcert", "PGSSLCERT");
        LIBPQ.put("sslkey", "PGSSLKEY");
        LIBPQ.put("sslpassword", null);
        LIBPQ.put("sslrootcert", "PGSSLROOTCERT");
        LIBPQ.put("sslsni", "PGSSLSNI");
        LIBPQ.put("require_auth", "PGREQUIREAUTH");
        LIBPQ.put("gssencmode", "PGGSSENCMODE");
        LIBPQ.put("target_session_attrs", "PGTARGETSESSIONATTRS");
        LIBPQ.put("load_balance_hosts", "PGLOADBALANCEHOSTS");

        for (String key : DRIVER) {
            DRIVER_BY_NORMALISED.put(normalise(key), key);
        }

        String tls = "; configure TLS with a javax.net.ssl.SSLContext (PgConnectOptions.Builder.sslContext) instead";
        String gss = "; pgasync does not support GSSAPI/Kerberos";
        UNSUPPORTED.put("service", "service files (pg_service.conf) are not supported; give the settings directly");
        UNSUPPORTED.put("sslcrl", "certificate revocation lists are not read by pgasync" + tls);
        UNSUPPORTED.put("sslcrldir", "certificate revocation lists are not read by pgasync" + tls);
        UNSUPPORTED.put("sslcertmode", "sslcertmode is not supported; a client certificate is sent when sslcert is set");
        UNSUPPORTED.put("ssl_min_protocol_version", "TLS protocol versions cannot be set in a connection string" + tls);
        UNSUPPORTED.put("ssl_max_protocol_version", "TLS protocol versions cannot be set in a connection string" + tls);
        UNSUPPORTED.put("requirepeer", "requirepeer (checking the server's OS user on a unix socket) is not supported");
        UNSUPPORTED.put("krbsrvname", "krbsrvname is not supported" + gss);
        UNSUPPORTED.put("gsslib", "gsslib is not supported" + gss);
        UNSUPPORTED.put("gssdelegation", "gssdelegation is not supported" + gss);
        UNSUPPORTED.put("replication", "the replication protocol is not supported");
        UNSUPPORTED.put("scram_client_key", "SCRAM keys cannot be given in a connection string; give the password");
        UNSUPPORTED.put("scram_server_key", "SCRAM keys cannot be given in a connection string; give the password");
        UNSUPPORTED.put("oauth_issuer", "OAuth authentication is not supported");
        UNSUPPORTED.put("oauth_client_id", "OAuth authentication is not supported");
        UNSUPPORTED.put("oauth_client_secret", "OAuth authentication is not supported");
        UNSUPPORTED.put("oauth_scope", "OAuth authentication is not supported");
    }

    private Keywords() {
    }

    /**
     * The canonical name of a keyword pgasync supports: a libpq keyword as is (case-sensitive, as in libpq), or
     * the camelCase name of one of pgasync's own keywords, which may also be written in any case or in snake_case
     * ({@code statement_cache_size}).
     *
     * @param key the keyword as written
     * @return the canonical keyword, or null when pgasync does not support it
     */
    public static String canonical(String key) {
        if (LIBPQ.containsKey(key)) {
            return key;
        }
        return DRIVER_BY_NORMALISED.get(normalise(key));
    }

    /**
     * The environment variable libpq reads for a keyword.
     *
     * @param canonicalKey a supported libpq keyword
     * @return the variable's name, or null when there is none (or pgasync does not read it)
     */
    public static String environmentVariable(String canonicalKey) {
        return LIBPQ.get(canonicalKey);
    }

    /**
     * Why a libpq keyword is refused.
     *
     * @param key the keyword as written
     * @return the reason, or null when the keyword is not a refused libpq keyword
     */
    public static String unsupportedReason(String key) {
        return UNSUPPORTED.get(key);
    }

    /**
     * Whether a keyword is one of another driver's settings that name a class to load or a file to write.
     *
     * @param key the keyword as written
     * @return true when the keyword must be refused
     */
    public static boolean isForeignDangerous(String key) {
        return FOREIGN_DANGEROUS.contains(key.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a keyword looks like it carries a secret: it contains {@code pass}, {@code pwd}, {@code secret},
     * {@code token} or {@code credential}, or is a near miss of {@code password} (such as {@code pasword}). Such a
     * keyword is never turned into a server setting, and its value is never shown.
     *
     * @param key the keyword as written
     * @return true when the keyword looks secret
     */
    public static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("pass") || lower.contains("pwd") || lower.contains("secret") || lower.contains("token")
                || lower.contains("credential") || lower.equals("pw") || editDistance(lower, "password") <= 2;
    }

    /** Levenshtein distance, for short keywords only. */
    private static int editDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The error for a value that is not one of an option's keywords.
     *
     * @param key the connection-string keyword of the option
     * @param value the value given
     * @param accepted the accepted keywords, in prose ("a, b or c")
     * @return the exception, to throw
     */
    public static PgConfigurationException invalid(String key, String value, String accepted) {
        return new PgConfigurationException(
                "invalid " + key + " value " + Redaction.quote(value) + ": expected " + accepted, key);
    }

    private static String normalise(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
