package io.pgasync;

import io.pgasync.exception.PgConfigurationException;
import io.pgasync.internal.connect.Keywords;

/**
 * Which kind of server a connection accepts when several hosts are listed: libpq's {@code target_session_attrs}
 * ({@code PGTARGETSESSIONATTRS}), with the same meanings. Hosts are tried in order (or shuffled, see
 * {@link LoadBalanceHosts}); a server that does not have the wanted attributes is disconnected and the next one
 * is tried. The default is {@link #ANY}.
 */
public enum TargetSessionAttrs {

    /** Any server is acceptable. */
    ANY("any"),

    /**
     * The session must accept writes: the server is not in hot standby and {@code default_transaction_read_only}
     * is off.
     */
    READ_WRITE("read-write"),

    /** The session must not accept writes by default: hot standby, or {@code default_transaction_read_only} on. */
    READ_ONLY("read-only"),

    /** The server must not be in hot standby. */
    PRIMARY("primary"),

    /** The server must be in hot standby. */
    STANDBY("standby"),

    /** Prefer a server in hot standby; if none of the hosts is one, try them all again accepting any server. */
    PREFER_STANDBY("prefer-standby");

    private final String keyword;

    TargetSessionAttrs(String keyword) {
        this.keyword = keyword;
    }

    /**
     * The libpq keyword: {@code any}, {@code read-write}, {@code read-only}, {@code primary}, {@code standby} or
     * {@code prefer-standby}.
     *
     * @return the keyword
     */
    public String keyword() {
        return keyword;
    }

    /**
     * The value for a libpq keyword (case-insensitive).
     *
     * @param keyword {@code any}, {@code read-write}, {@code read-only}, {@code primary}, {@code standby} or
     *     {@code prefer-standby}
     * @return the value
     * @throws PgConfigurationException when the keyword is not one of these
     */
    public static TargetSessionAttrs fromKeyword(String keyword) {
        for (TargetSessionAttrs value : values()) {
            if (value.keyword.equalsIgnoreCase(keyword)) {
                return value;
            }
        }
        throw Keywords.invalid("target_session_attrs", keyword,
                "any, read-write, read-only, primary, standby or prefer-standby");
    }
}
