package io.pgasync;

import io.pgasync.exception.PgConfigurationException;
import io.pgasync.internal.connect.Keywords;

/**
 * How TLS is started: libpq's {@code sslnegotiation} ({@code PGSSLNEGOTIATION}, PostgreSQL 17+), with the same
 * meanings. The default is {@link #POSTGRES}.
 */
public enum SslNegotiation {

    /**
     * Send an SSLRequest first and start the TLS handshake only when the server answers {@code S}. Works with
     * every server version; costs one round trip.
     */
    POSTGRES("postgres"),

    /**
     * Start the TLS handshake immediately, with the ALPN protocol {@code postgresql}, without an SSLRequest. Needs
     * a PostgreSQL 17 or later server; never falls back to plaintext. As in libpq, allowed only with
     * {@code sslmode} {@code require}, {@code verify-ca} or {@code verify-full}.
     */
    DIRECT("direct");

    private final String keyword;

    SslNegotiation(String keyword) {
        this.keyword = keyword;
    }

    /**
     * The libpq keyword: {@code postgres} or {@code direct}.
     *
     * @return the keyword
     */
    public String keyword() {
        return keyword;
    }

    /**
     * The value for a libpq keyword (case-insensitive).
     *
     * @param keyword {@code postgres} or {@code direct}
     * @return the value
     * @throws PgConfigurationException when the keyword is not one of these
     */
    public static SslNegotiation fromKeyword(String keyword) {
        for (SslNegotiation value : values()) {
            if (value.keyword.equalsIgnoreCase(keyword)) {
                return value;
            }
        }
        throw Keywords.invalid("sslnegotiation", keyword, "postgres or direct");
    }
}
