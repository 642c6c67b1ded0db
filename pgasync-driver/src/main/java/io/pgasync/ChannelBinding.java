package io.pgasync;

import io.pgasync.exception.PgConfigurationException;
import io.pgasync.internal.connect.Keywords;

/**
 * Whether SCRAM authentication is bound to the TLS channel: libpq's {@code channel_binding}
 * ({@code PGCHANNELBINDING}), with the same meanings. Channel binding ({@code SCRAM-SHA-256-PLUS} with
 * {@code tls-server-end-point}) proves that the server which authenticated the client is the one at the other end
 * of the TLS connection, which defeats a man in the middle even when the certificate is not verified. The default
 * is {@link #PREFER}.
 */
public enum ChannelBinding {

    /** Never use channel binding. */
    DISABLE("disable"),

    /** Use channel binding when TLS is in use and the server offers {@code SCRAM-SHA-256-PLUS}. */
    PREFER("prefer"),

    /**
     * Insist on channel binding: the connection fails unless it uses TLS and authenticates with
     * {@code SCRAM-SHA-256-PLUS}. Every other authentication request from the server, including none at all, is
     * refused before a password is sent.
     */
    REQUIRE("require");

    private final String keyword;

    ChannelBinding(String keyword) {
        this.keyword = keyword;
    }

    /**
     * The libpq keyword: {@code disable}, {@code prefer} or {@code require}.
     *
     * @return the keyword
     */
    public String keyword() {
        return keyword;
    }

    /**
     * The value for a libpq keyword (case-insensitive).
     *
     * @param keyword {@code disable}, {@code prefer} or {@code require}
     * @return the value
     * @throws PgConfigurationException when the keyword is not one of these
     */
    public static ChannelBinding fromKeyword(String keyword) {
        for (ChannelBinding value : values()) {
            if (value.keyword.equalsIgnoreCase(keyword)) {
                return value;
            }
        }
        throw Keywords.invalid("channel_binding", keyword, "disable, prefer or require");
    }
}
