package io.pgasync.sample;

import io.pgasync.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A committed transfer between two accounts.
 *
 * @param id the transfer number
 * @param from the debited account
 * @param to the credited account
 * @param amount how much moved
 * @param createdAt when
 */
public record Transfer(long id, long from, long to, BigDecimal amount, OffsetDateTime createdAt) {

    static Transfer from(Row row) {
        return new Transfer(row.getLong("id"), row.getLong("from_account"), row.getLong("to_account"),
                row.getBigDecimal("amount"), row.getOffsetDateTime("created_at"));
    }
}
