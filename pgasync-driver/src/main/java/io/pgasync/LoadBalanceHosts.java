package io.pgasync;

import io.pgasync.exception.PgConfigurationException;
import io.pgasync.internal.connect.Keywords;

/**
 * The order in which the listed hosts are tried: libpq's {@code load_balance_hosts} ({@code PGLOADBALANCEHOSTS},
 * PostgreSQL 16+), with the same meanings. The default is {@link #DISABLE}.
 */
public enum LoadBalanceHosts {

    /** Try the hosts in the order they are listed. */
    DISABLE("disable"),

    /**
     * Try the hosts in a random order, shuffled for every connection attempt, so that connections spread over
     * the hosts. (libpq also shuffles the addresses a host name resolves to.)
     */
    RANDOM("random");

    private final String keyword;

    LoadBalanceHosts(String keyword) {
        this.keyword = keyword;
    }

    /**
     * The libpq keyword: {@code disable} or {@code random}.
     *
     * @return the keyword
     */
    public String keyword() {
        return keyword;
    }

    /**
     * The value for a libpq keyword (case-insensitive).
     *
     * @param keyword {@code disable} or {@code random}
     * @return the value
     * @throws PgConfigurationException when the keyword is not one of these
     */
    public static LoadBalanceHosts fromKeyword(String keyword) {
        for (LoadBalanceHosts value : values()) {
            if (value.keyword.equalsIgnoreCase(keyword)) {
                return value;
            }
        }
        throw Keywords.invalid("load_balance_hosts", keyword, "disable or random");
    }
}
