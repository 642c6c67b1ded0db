package io.pgasync.internal.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings a connection string gave, before conversion: each keyword (canonical spelling, see
 * {@link Keywords#canonical(String)}) with its unescaped, percent-decoded value (later occurrences replace
 * earlier ones, as in libpq), and the server settings a URL gave as unknown query parameters (asyncpg's rule).
 * Immutable.
 */
public final class ParsedDsn {

    /** No connection string, or an empty one. */
    public static final ParsedDsn EMPTY = new ParsedDsn(Map.of(), Map.of(), false);

    private final Map<String, String> values;
    private final Map<String, String> serverSettings;
    private final boolean hideAuthority;

    ParsedDsn(Map<String, String> values, Map<String, String> serverSettings, boolean hideAuthority) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.serverSettings = Collections.unmodifiableMap(new LinkedHashMap<>(serverSettings));
        this.hideAuthority = hideAuthority;
    }

    /**
     * The value the connection string gave for a keyword.
     *
     * @param canonicalKey the canonical keyword
     * @return the value (possibly empty), or null when the connection string did not mention the keyword
     */
    public String get(String canonicalKey) {
        return values.get(canonicalKey);
    }

    /**
     * The server settings the URL gave as query parameters that are not connection keywords.
     *
     * @return the settings in the order given, unmodifiable
     */
    public Map<String, String> serverSettings() {
        return serverSettings;
    }

    /**
     * Whether a value of this connection string may be shown in an error message. Never for passwords; not for
     * the host, port, user and database when the connection string is a URL with an {@code @} in it, because a
     * password that was not percent-encoded may have been split into those parts.
     *
     * @param canonicalKey the canonical keyword
     * @return true when the value may be quoted in a message
     */
    public boolean mayShow(String canonicalKey) {
        switch (canonicalKey) {
            case "password":
            case "sslpassword":
                return false;
            case "host":
            case "hostaddr":
            case "port":
            case "dbname":
            case "user":
                return !hideAuthority;
            default:
                return !Keywords.looksSecret(canonicalKey);
        }
    }
}
