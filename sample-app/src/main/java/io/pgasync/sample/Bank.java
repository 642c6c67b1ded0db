package io.pgasync.sample;

import io.pgasync.Row;
import io.pgasync.spring.boot.autoconfigure.transaction.ReactiveTransactionalPgClient;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bank's operations. Transfers run in a transaction (the reactive transaction manager binds one pooled
 * connection for the whole Mono): both accounts are locked in id order, so concurrent transfers cannot deadlock; a
 * missing account or too small a balance rolls everything back. The transfer is announced with {@code pg_notify},
 * which PostgreSQL delivers only if the transaction commits.
 */
@Service
public class Bank {

    /** The channel committed transfers are announced on. */
    public static final String TRANSFERS_CHANNEL = "transfers";

    private final ReactiveTransactionalPgClient db;

    Bank(ReactiveTransactionalPgClient db) {
        this.db = db;
    }

    /**
     * Opens an account.
     *
     * @param owner the owner
     * @param balance the opening balance
     * @return the account
     */
    public Mono<Account> open(String owner, BigDecimal balance) {
        if (owner == null || owner.isBlank()) {
            return Mono.error(new IllegalArgumentException("owner is required"));
        }
        if (balance != null && balance.signum() < 0) {
            return Mono.error(new IllegalArgumentException("the opening balance cannot be negative"));
        }
        return db.fetchRow("INSERT INTO account (owner, balance) VALUES ($1, $2) RETURNING *", owner,
                balance == null ? BigDecimal.ZERO : balance).map(Account::from);
    }

    /**
     * One account.
     *
     * @param id the account number
     * @return the account, or a 404 problem
     */
    public Mono<Account> account(long id) {
        return db.fetchRow("SELECT * FROM account WHERE id = $1", id).map(Account::from)
                .switchIfEmpty(Mono.error(() -> BankException.accountNotFound(id)));
    }

    /**
     * A page of accounts in id order, after a given id (keyset pagination: no OFFSET, stable under inserts).
     *
     * @param after the last id of the previous page (0 for the first page)
     * @param limit the page size
     * @return the accounts
     */
    public Flux<Account> accounts(long after, int limit) {
        if (limit < 1 || limit > 1000) {
            return Flux.error(new IllegalArgumentException("limit must be between 1 and 1000"));
        }
        return db.fetch("SELECT * FROM account WHERE id > $1 ORDER BY id LIMIT $2", after, limit).map(Account::from);
    }

    /**
     * Moves money between two accounts, all or nothing.
     *
     * @param from the account to debit
     * @param to the account to credit
     * @param amount how much (positive)
     * @return the committed transfer
     */
    @Transactional
    public Mono<Transfer> transfer(long from, long to, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            return Mono.error(new IllegalArgumentException("amount must be positive"));
        }
        if (from == to) {
            return Mono.error(new IllegalArgumentException("from and to must be different accounts"));
        }
        return db.fetch("SELECT id, balance FROM account WHERE id IN ($1, $2) ORDER BY id FOR UPDATE", from, to)
                .collectList()
                .flatMap(locked -> {
                    Row source = find(locked, from);
                    if (source == null) {
                        return Mono.error(BankException.accountNotFound(from));
                    }
                    if (find(locked, to) == null) {
                        return Mono.error(BankException.accountNotFound(to));
                    }
                    if (source.getBigDecimal("balance").compareTo(amount) < 0) {
                        return Mono.error(BankException.insufficientFunds(from));
                    }
                    return db.execute("UPDATE account SET balance = balance - $1 WHERE id = $2", amount, from)
                            .then(db.execute("UPDATE account SET balance = balance + $1 WHERE id = $2", amount, to))
                            .then(db.fetchRow("""
                                    WITH t AS (
                                        INSERT INTO transfer (from_account, to_account, amount)
                                        VALUES ($1, $2, $3) RETURNING *
                                    )
                                    SELECT t.*, pg_notify($4, row_to_json(t)::text) FROM t""",
                                    from, to, amount, TRANSFERS_CHANNEL))
                            .map(Transfer::from);
                });
    }

    private static Row find(List<Row> rows, long id) {
        for (Row row : rows) {
            if (row.getLong("id") == id) {
                return row;
            }
        }
        return null;
    }
}
