package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static io.pgasync.it.TestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.IsolationLevel;
import io.pgasync.PgConnection;
import io.pgasync.PgTransaction;
import io.pgasync.exception.InFailedSqlTransactionException;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.ReadOnlySqlTransactionException;
import io.pgasync.exception.UniqueViolationException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@PgTest
class TransactionIT {

    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TestSupport.connect(server);
        await(conn.execute("DROP TABLE IF EXISTS tx_it; CREATE TABLE tx_it (id int PRIMARY KEY)"));
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    private long count() {
        return (Long) await(conn.fetchVal("SELECT count(*) FROM tx_it"));
    }

    @Test
    void startCommitAndRollback() {
        PgTransaction tx = conn.transaction();
        assertThat(tx.state()).isEqualTo(PgTransaction.State.NEW);
        await(tx.start());
        assertThat(conn.isInTransaction()).isTrue();
        await(conn.execute("INSERT INTO tx_it VALUES (1)"));
        await(tx.commit());
        assertThat(tx.state()).isEqualTo(PgTransaction.State.COMMITTED);
        assertThat(conn.isInTransaction()).isFalse();

        PgTransaction tx2 = conn.transaction();
        await(tx2.start());
        await(conn.execute("INSERT INTO tx_it VALUES (2)"));
        await(tx2.rollback());
        assertThat(tx2.state()).isEqualTo(PgTransaction.State.ROLLED_BACK);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void functionalFormCommitsOnSuccessAndRollsBackOnFailure() {
        Integer result = await(conn.transaction(c -> c.execute("INSERT INTO tx_it VALUES (1)").thenApply(s -> 42)));
        assertThat(result).isEqualTo(42);
        Throwable error = failure(conn.transaction(c -> c.execute("INSERT INTO tx_it VALUES (2)")
                .thenCompose(s -> c.execute("INSERT INTO tx_it VALUES (1)"))));
        assertThat(error).isInstanceOf(UniqueViolationException.class);
        assertThat(count()).isEqualTo(1);
        Throwable thrown = failure(conn.transaction(c -> {
            throw new IllegalStateException("boom");
        }));
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(conn.isInTransaction()).isFalse();
    }

    @Test
    void nestedTransactionsAreSavepoints() {
        await(conn.transaction(outer -> outer.execute("INSERT INTO tx_it VALUES (1)")
                .thenCompose(s -> outer.transaction(inner -> inner.execute("INSERT INTO tx_it VALUES (2)")
                        .thenCompose(x -> inner.execute("INSERT INTO tx_it VALUES (1)"))) // fails: rolled back
                        .handle((v, e) -> e))
                .thenCompose(e -> {
                    assertThat(e).isNotNull();
                    return outer.execute("INSERT INTO tx_it VALUES (3)");
                })));
        assertThat(await(conn.fetch("SELECT id FROM tx_it ORDER BY id"))).extracting(r -> r.getInteger(0))
                .containsExactly(1, 3);
        PgTransaction outer = conn.transaction();
        await(outer.start());
        PgTransaction inner = conn.transaction();
        await(inner.start());
        assertThat(inner.isNested()).isTrue();
        assertThat(outer.isNested()).isFalse();
        await(inner.commit());
        await(outer.rollback());
    }

    @Test
    void errorsInsideATransactionAbortItUntilRollback() {
        PgTransaction tx = conn.transaction();
        await(tx.start());
        failure(conn.execute("SELECT 1/0"));
        assertThat(failure(conn.fetchVal("SELECT 1"))).isInstanceOf(InFailedSqlTransactionException.class);
        assertThat(conn.isInTransaction()).isTrue();
        Throwable commit = failure(tx.commit());
        assertThat(commit).isInstanceOf(PgClientException.class).hasMessageContaining("rolled the transaction back");
        assertThat(conn.isInTransaction()).isFalse();
        assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
    }

    @Test
    void isolationReadOnlyAndDeferrable() {
        String level = await(conn.transaction(IsolationLevel.SERIALIZABLE, true, true,
                c -> c.fetchVal("SHOW transaction_isolation", String.class)));
        assertThat(level).isEqualTo("serializable");
        Throwable e = failure(conn.transaction(IsolationLevel.REPEATABLE_READ, true, false,
                c -> c.execute("INSERT INTO tx_it VALUES (9)")));
        assertThat(e).isInstanceOf(ReadOnlySqlTransactionException.class);
        assertThat(await(conn.fetchVal("SHOW transaction_read_only"))).isEqualTo("off");
    }

    @Test
    void transactionObjectsAreUsedOnce() {
        PgTransaction tx = conn.transaction();
        await(tx.start());
        assertThat(failure(tx.start())).isInstanceOf(IllegalStateException.class);
        await(tx.commit());
        assertThat(failure(tx.commit())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aManuallyStartedTransactionIsNotManaged() {
        await(conn.execute("BEGIN"));
        assertThat(failure(conn.transaction().start())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plain BEGIN");
        await(conn.execute("ROLLBACK"));
        CompletableFuture<Void> ok = conn.transaction().start();
        await(ok);
        await(conn.execute("ROLLBACK"));
    }
}
