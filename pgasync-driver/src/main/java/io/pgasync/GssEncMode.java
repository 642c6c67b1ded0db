package io.pgasync;

import io.pgasync.exception.PgConfigurationException;
import io.pgasync.internal.connect.Keywords;

/**
 * Whether a connection uses GSSAPI encryption: libpq's {@code gssencmode} ({@code PGGSSENCMODE}). pgasync does
 * not implement GSSAPI encryption, so it behaves like a libpq built without GSSAPI support: {@link #DISABLE} and
 * {@link #PREFER} both mean "no GSSAPI encryption" (TLS is governed by {@link SslMode} as usual), and
 * {@link #REQUIRE} is refused when the options are built. The default is {@link #DISABLE}.
 */
public enum GssEncMode {

    /** Never use GSSAPI encryption. */
    DISABLE("disable"),

    /**
     * Use GSSAPI encryption when possible; pgasync never can, so this is the same as {@link #DISABLE}. Accepted so
     * that connection strings written for libpq keep working.
     */
    PREFER("prefer"),

    /** Insist on GSSAPI encryption. Not supported: building options with this value fails. */
    REQUIRE("require");

    private final String keyword;

    GssEncMode(String keyword) {
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
    public static GssEncMode fromKeyword(String keyword) {
        for (GssEncMode value : values()) {
            if (value.keyword.equalsIgnoreCase(keyword)) {
                return value;
            }
        }
        throw Keywords.invalid("gssencmode", keyword, "disable, prefer or require");
    }
}
