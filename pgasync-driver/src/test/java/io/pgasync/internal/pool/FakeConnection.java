package io.pgasync.internal.pool;

import io.pgasync.IsolationLevel;
import io.pgasync.PgClient;
import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.PgLogListener;
import io.pgasync.PgQueryLogger;
import io.pgasync.PgTerminationListener;
import io.pgasync.PgTransaction;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import io.pgasync.ServerVersion;
import io.pgasync.exception.PgConnectionClosedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A PgConnection without a server, for pool unit tests: queries answer asynchronously on an executor (or never, or
 * with a failure), and the test can end the connection as the server would.
 */
final class FakeConnection implements PgConnection {

    static final AtomicInteger PIDS = new AtomicInteger(1000);

    final int pid = PIDS.incrementAndGet();
    private final Executor executor;
    private final List<PgTerminationListener> terminationListeners = new CopyOnWriteArrayList<>();
    final AtomicInteger queries = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    volatile boolean closed;
    volatile boolean inTransaction;
    /** When set, queries and resets never answer. */
    volatile boolean hang;
    /** When set, queries and resets fail with it. */
    volatile RuntimeException failure;
    /** When set, reset leaves the connection inside a transaction. */
    volatile boolean resetLeavesTransaction;

    FakeConnection(Executor executor) {
        this.executor = executor;
    }

    private <T> CompletableFuture<T> answer(T value) {
        if (closed) {
            return CompletableFuture.failedFuture(new PgConnectionClosedException("fake connection closed", null));
        }
        queries.incrementAndGet();
        CompletableFuture<T> f = new CompletableFuture<>();
        if (hang) {
            return f;
        }
        RuntimeException fail = failure;
        executor.execute(() -> {
            if (fail != null) {
                f.completeExceptionally(fail);
            } else {
                f.complete(value);
            }
        });
        return f;
    }

    /** The server ends the session. */
    void kill(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        for (PgTerminationListener l : terminationListeners) {
            l.onTermination(this, cause);
        }
    }

    @Override
    public CompletableFuture<String> execute(String sql) {
        if ("BEGIN".equals(sql)) {
            inTransaction = true;
        }
        if ("ROLLBACK".equals(sql)) {
            inTransaction = false;
        }
        return answer("OK");
    }

    @Override
    public CompletableFuture<String> execute(String sql, Object... args) {
        return answer("OK");
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists) {
        return answer(0L);
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return answer(List.of());
    }

    @Override
    public <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object... args) {
        return answer(List.of());
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return answer(null);
    }

    @Override
    public <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object... args) {
        return answer(null);
    }

    @Override
    public CompletableFuture<Object> fetchVal(String sql, Object... args) {
        return answer(args.length > 0 ? args[0] : pid);
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object... args) {
        return answer(type.cast(args.length > 0 ? args[0] : null));
    }

    @Override
    public PgClient withTimeout(Duration timeout) {
        return this;
    }

    @Override
    public PgTransaction transaction() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PgTransaction transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> CompletableFuture<T> transaction(Function<? super PgConnection, ? extends CompletionStage<T>> work) {
        return transaction(null, false, false, work);
    }

    @Override
    public <T> CompletableFuture<T> transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable,
            Function<? super PgConnection, ? extends CompletionStage<T>> work) {
        inTransaction = true;
        return work.apply(this).toCompletableFuture().whenComplete((v, e) -> inTransaction = false);
    }

    @Override
    public void addLogListener(PgLogListener listener) {}

    @Override
    public void removeLogListener(PgLogListener listener) {}

    @Override
    public void addTerminationListener(PgTerminationListener listener) {
        terminationListeners.add(listener);
    }

    @Override
    public void removeTerminationListener(PgTerminationListener listener) {
        terminationListeners.remove(listener);
    }

    @Override
    public void addQueryLogger(PgQueryLogger logger) {}

    @Override
    public void addQueryLogger(PgQueryLogger logger, boolean withArguments) {}

    @Override
    public void removeQueryLogger(PgQueryLogger logger) {}

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isInTransaction() {
        return inTransaction;
    }

    @Override
    public io.pgasync.PgHost getHost() {
        return io.pgasync.PgHost.of("fake", 5432);
    }

    @Override
    public int getServerPid() {
        return pid;
    }

    @Override
    public ServerVersion getServerVersion() {
        return null;
    }

    @Override
    public Map<String, String> getSettings() {
        return Map.of();
    }

    @Override
    public PgConnectOptions getOptions() {
        return null;
    }

    @Override
    public CompletableFuture<Void> reset() {
        resets.incrementAndGet();
        CompletableFuture<String> done = answer("RESET");
        return done.thenApply(s -> {
            inTransaction = resetLeavesTransaction;
            return null;
        });
    }

    @Override
    public String getResetQuery() {
        return "RESET ALL";
    }

    @Override
    public CompletableFuture<Void> reloadSchemaState() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> setTypeCodec(String typeName, String schema, io.pgasync.codec.Codec<?> codec) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            Function<? super T, ?> encoder, Function<Object, ? extends T> decoder,
            io.pgasync.codec.PgCodecFormat format) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> setBuiltinTypeCodec(String typeName, String schema, String codecName) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> resetTypeCodec(String typeName, String schema) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        executor.execute(() -> {
            kill(null);
            f.complete(null);
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> close(Duration timeout) {
        return close();
    }

    @Override
    public void terminate() {
        executor.execute(() -> kill(null));
    }

    @Override
    public String toString() {
        return "FakeConnection[" + pid + (closed ? ", closed" : "") + "]";
    }

    // ---- features the pool's state machine does not use ----------------------------------------------------------

    @Override
    public CompletableFuture<io.pgasync.PgPreparedStatement<io.pgasync.Row>> prepare(String sql) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> CompletableFuture<io.pgasync.PgPreparedStatement<T>> prepare(String sql, io.pgasync.RowMapper<T> mapper) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.util.concurrent.Flow.Publisher<io.pgasync.Row> cursor(String sql, Object... args) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.util.concurrent.Flow.Publisher<io.pgasync.Row> cursor(int prefetch, String sql, Object... args) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<io.pgasync.PgCursor<io.pgasync.Row>> openCursor(String sql, Object... args) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Long> copyFromTable(String table, io.pgasync.CopySink sink,
            io.pgasync.PgCopyOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Long> copyFromQuery(String query, io.pgasync.CopySink sink,
            io.pgasync.PgCopyOptions options, Object... args) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Long> copyToTable(String table, io.pgasync.CopySource source,
            io.pgasync.PgCopyOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Long> copyRecordsToTable(String table, Iterable<? extends java.util.List<?>> records,
            io.pgasync.PgCopyOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Long> copyRecordsToTable(String table,
            java.util.concurrent.Flow.Publisher<? extends java.util.List<?>> records, io.pgasync.PgCopyOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> addListener(String channel, io.pgasync.PgNotificationListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> removeListener(String channel, io.pgasync.PgNotificationListener listener) {
        throw new UnsupportedOperationException();
    }
}
