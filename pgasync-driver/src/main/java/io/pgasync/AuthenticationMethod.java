package io.pgasync;

import io.pgasync.exception.PgConfigurationException;
import io.pgasync.internal.connect.Keywords;

/**
 * An authentication method a server may ask for, as named by libpq's {@code require_auth}
 * ({@code PGREQUIREAUTH}, PostgreSQL 16+). Used by {@link RequireAuth} to say which methods a connection accepts.
 */
public enum AuthenticationMethod {

    /**
     * The server asks for the password in clear text ({@code AuthenticationCleartextPassword}): the
     * {@code password} method of {@code pg_hba.conf}, also used by {@code ldap}, {@code radius} and {@code pam}.
     * The password is readable by anyone who can see the connection unless TLS is in use and verified.
     */
    PASSWORD("password"),

    /**
     * The server asks for an MD5 hash of the password with a salt ({@code AuthenticationMD5Password}). Deprecated
     * by PostgreSQL; a stolen hash is as good as the password.
     */
    MD5("md5"),

    /**
     * SCRAM-SHA-256 through SASL ({@code AuthenticationSASL}), with or without channel binding: the password is
     * never sent, and the server proves that it knows the password too.
     */
    SCRAM_SHA_256("scram-sha-256"),

    /** Kerberos through GSSAPI ({@code AuthenticationGSS}). */
    GSS("gss"),

    /** Windows SSPI ({@code AuthenticationSSPI}). */
    SSPI("sspi"),

    /**
     * No authentication exchange at all: the server sends {@code AuthenticationOk} straight away ({@code trust},
     * {@code peer}, {@code cert} and the like).
     */
    NONE("none");

    private final String keyword;

    AuthenticationMethod(String keyword) {
        this.keyword = keyword;
    }

    /**
     * The libpq keyword: {@code password}, {@code md5}, {@code scram-sha-256}, {@code gss}, {@code sspi} or
     * {@code none}.
     *
     * @return the keyword
     */
    public String keyword() {
        return keyword;
    }

    /**
     * The method for a libpq keyword (case-insensitive).
     *
     * @param keyword {@code password}, {@code md5}, {@code scram-sha-256}, {@code gss}, {@code sspi} or
     *     {@code none}
     * @return the method
     * @throws PgConfigurationException when the keyword is not one of these
     */
    public static AuthenticationMethod fromKeyword(String keyword) {
        for (AuthenticationMethod value : values()) {
            if (value.keyword.equalsIgnoreCase(keyword)) {
                return value;
            }
        }
        throw Keywords.invalid("require_auth", keyword, "password, md5, scram-sha-256, gss, sspi or none");
    }
}
