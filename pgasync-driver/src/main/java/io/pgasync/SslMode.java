package io.pgasync;

import io.pgasync.exception.PgConfigurationException;
import io.pgasync.internal.connect.Keywords;

/**
 * Whether, and how securely, a connection uses TLS: libpq's {@code sslmode} ({@code PGSSLMODE}), with the same
 * meanings. The default is {@link #PREFER}, as in libpq, unless {@code sslrootcert=system} is given, which makes
 * the default {@link #VERIFY_FULL}.
 *
 * <p>Only {@link #VERIFY_FULL} protects against an active attacker who can intercept the connection: with
 * {@link #ALLOW} and {@link #PREFER} the attacker can simply refuse TLS, and with {@link #REQUIRE} and
 * {@link #VERIFY_CA} they can present any certificate, or any certificate from the trusted authority, for a host
 * they do not own.
 */
public enum SslMode {

    /** Never use TLS: no SSLRequest is sent. Neither eavesdropping nor tampering is prevented. */
    DISABLE("disable"),

    /**
     * Try without TLS first; if the server refuses the plaintext connection, try again with TLS. The server's
     * certificate is not verified. Offers no protection against an attacker.
     */
    ALLOW("allow"),

    /**
     * Try TLS first; if the server does not support it (answers {@code N} to the SSLRequest), continue without
     * TLS. The server's certificate is not verified. Protects against passive eavesdropping only when the server
     * supports TLS; an active attacker can force plaintext. libpq's default, and pgasync's.
     */
    PREFER("prefer"),

    /**
     * Use TLS, fail when the server does not support it. The certificate is not verified, so an active attacker
     * can impersonate the server. (libpq's legacy rule: when a root certificate file is configured, libpq
     * verifies the chain as {@link #VERIFY_CA} does.)
     */
    REQUIRE("require"),

    /**
     * Use TLS and verify that the server's certificate chains to a trusted authority ({@code sslrootcert}); the
     * host name is not checked, so any certificate issued by that authority is accepted.
     */
    VERIFY_CA("verify-ca"),

    /**
     * Use TLS, verify the certificate chain and that the certificate was issued for the host connected to
     * (subject alternative names, DNS or IP; the common name only when there is none). The only mode that
     * protects against an active attacker; required with {@code sslrootcert=system}.
     */
    VERIFY_FULL("verify-full");

    private final String keyword;

    SslMode(String keyword) {
        this.keyword = keyword;
    }

    /**
     * The libpq keyword, as written in a connection string: {@code disable}, {@code allow}, {@code prefer},
     * {@code require}, {@code verify-ca} or {@code verify-full}.
     *
     * @return the keyword
     */
    public String keyword() {
        return keyword;
    }

    /**
     * Whether this mode insists on TLS ({@link #REQUIRE}, {@link #VERIFY_CA}, {@link #VERIFY_FULL}).
     *
     * @return true when a connection without TLS is refused
     */
    public boolean requiresTls() {
        return this == REQUIRE || this == VERIFY_CA || this == VERIFY_FULL;
    }

    /**
     * Whether this mode verifies the server's certificate chain ({@link #VERIFY_CA}, {@link #VERIFY_FULL}).
     *
     * @return true when the chain is verified
     */
    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    /**
     * The mode for a libpq keyword (case-insensitive).
     *
     * @param keyword {@code disable}, {@code allow}, {@code prefer}, {@code require}, {@code verify-ca} or
     *     {@code verify-full}
     * @return the mode
     * @throws PgConfigurationException when the keyword is not one of these
     */
    public static SslMode fromKeyword(String keyword) {
        for (SslMode mode : values()) {
            if (mode.keyword.equalsIgnoreCase(keyword)) {
                return mode;
            }
        }
        throw Keywords.invalid("sslmode", keyword, "disable, allow, prefer, require, verify-ca or verify-full");
    }
}
