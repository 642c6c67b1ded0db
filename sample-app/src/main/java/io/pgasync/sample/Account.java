package io.pgasync.sample;

import io.pgasync.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A bank account.
 *
 * @param id the account number
 * @param owner who owns it
 * @param balance its balance (never negative)
 * @param createdAt when it was opened
 */
public record Account(long id, String owner, BigDecimal balance, OffsetDateTime createdAt) {

    static Account from(Row row) {
        return new Account(row.getLong("id"), row.getString("owner"), row.getBigDecimal("balance"),
                row.getOffsetDateTime("created_at"));
    }
}
