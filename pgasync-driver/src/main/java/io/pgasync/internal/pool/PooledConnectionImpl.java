package io.pgasync.internal.pool;

import io.pgasync.IsolationLevel;
import io.pgasync.PgClient;
import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.PgHost;
import io.pgasync.PgLogListener;
import io.pgasync.PgPooledConnection;
import io.pgasync.PgQueryLogger;
import io.pgasync.PgTerminationListener;
import io.pgasync.PgTransaction;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import io.pgasync.ServerVersion;
import io.pgasync.exception.PgConnectionReleasedException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What a caller holds between acquire and release: every call checks that the lease is still on, counts the query for
 * {@code maxQueries}, and runs on the pooled connection. After release every call is refused.
 */
final class PooledConnectionImpl implements PgPooledConnection {

    private final Lease lease;
    private final PgConnection conn;
    private final PoolEntry entry;
    /** Listeners added through this lease and how to remove them; created on first use, guarded by this. */
    private Map<Object, Runnable> registrations;
    private volatile PooledConnectionView view;

    PooledConnectionImpl(Lease lease) {
        this.lease = lease;
        this.entry = lease.entry;
        this.conn = lease.entry.conn;
    }

    Lease lease() {
        return lease;
    }

    // ---- guards ------------------------------------------------------------------------------------------------

    private PgConnectionReleasedException released() {
        String pool = lease.pool.getName();
        return new PgConnectionReleasedException(lease.revoked
                ? "This connection of pool '" + pool + "' was closed when the pool was terminated; it cannot be used"
                        + " any more"
                : "This connection was released to pool '" + pool + "' and may already serve another caller:"
                        + " acquire a connection again instead of keeping one after its release");
    }

    /** The connection, counting one query; null once the lease is over. */
    private PgConnection tryUse() {
        if (lease.isOver()) {
            return null;
        }
        entry.queries.incrementAndGet();
        return conn;
    }

    private <T> CompletableFuture<T> refused() {
        return CompletableFuture.failedFuture(released());
    }

    /** The connection without counting; throws once the lease is over. */
    private PgConnection check() {
        if (lease.isOver()) {
            throw released();
        }
        return conn;
    }

    // ---- queries -----------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<String> execute(String sql) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.execute(sql);
    }

    @Override
    public CompletableFuture<String> execute(String sql, Object... args) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.execute(sql, args);
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.executeMany(sql, argumentLists);
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.fetch(sql, args);
    }

    @Override
    public <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object... args) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.fetch(mapper, sql, args);
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.fetchRow(sql, args);
    }

    @Override
    public <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object... args) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.fetchRow(mapper, sql, args);
    }

    @Override
    public CompletableFuture<Object> fetchVal(String sql, Object... args) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.fetchVal(sql, args);
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object... args) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.fetchVal(sql, type, args);
    }

    @Override
    public PgClient withTimeout(Duration timeout) {
        return new PooledClientView(this, check().withTimeout(timeout));
    }

    /** Used by the views: fails a call after release, counts it otherwise. */
    boolean admit() {
        if (lease.isOver()) {
            return false;
        }
        entry.queries.incrementAndGet();
        return true;
    }

    PgConnectionReleasedException releasedException() {
        return released();
    }

    // ---- transactions ------------------------------------------------------------------------------------------

    @Override
    public PgTransaction transaction() {
        return new PooledTransaction(this, check().transaction());
    }

    @Override
    public PgTransaction transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable) {
        return new PooledTransaction(this, check().transaction(isolation, readOnly, deferrable));
    }

    @Override
    public <T> CompletableFuture<T> transaction(
            Function<? super PgPooledConnection, ? extends CompletionStage<T>> work) {
        return transaction(null, false, false, work);
    }

    @Override
    public <T> CompletableFuture<T> transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable,
            Function<? super PgPooledConnection, ? extends CompletionStage<T>> work) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.transaction(isolation, readOnly, deferrable, raw -> work.apply(this));
    }

    // ---- listeners ---------------------------------------------------------------------------------------------

    private void register(Object key, Runnable undo) {
        Runnable previous;
        synchronized (this) {
            if (registrations == null) {
                registrations = new IdentityHashMap<>();
            }
            previous = registrations.put(key, undo);
        }
        if (previous != null) {
            lease.forget(previous);
            previous.run();
        }
        lease.onEnd(undo);
    }

    private void unregister(Object key) {
        Runnable undo;
        synchronized (this) {
            undo = registrations == null ? null : registrations.remove(key);
        }
        if (undo != null) {
            lease.forget(undo);
            undo.run();
        }
    }

    @Override
    public void addLogListener(PgLogListener listener) {
        PgConnection c = check();
        WeakReference<PooledConnectionImpl> self = new WeakReference<>(this);
        PgLogListener wrapper = (raw, notice) -> {
            PooledConnectionImpl p = self.get();
            if (p != null) {
                listener.onNotice(p.asConnection(), notice);
            }
        };
        c.addLogListener(wrapper);
        register(listener, () -> c.removeLogListener(wrapper));
    }

    @Override
    public void removeLogListener(PgLogListener listener) {
        unregister(listener);
    }

    @Override
    public void addTerminationListener(PgTerminationListener listener) {
        PgConnection c = check();
        WeakReference<PooledConnectionImpl> self = new WeakReference<>(this);
        PgTerminationListener wrapper = (raw, cause) -> {
            PooledConnectionImpl p = self.get();
            if (p != null && !p.lease.isOver()) {
                listener.onTermination(p.asConnection(), cause);
            }
        };
        c.addTerminationListener(wrapper);
        register(listener, () -> c.removeTerminationListener(wrapper));
    }

    @Override
    public void removeTerminationListener(PgTerminationListener listener) {
        unregister(listener);
    }

    @Override
    public void addQueryLogger(PgQueryLogger logger) {
        addQueryLogger(logger, false);
    }

    @Override
    public void addQueryLogger(PgQueryLogger logger, boolean withArguments) {
        PgConnection c = check();
        c.addQueryLogger(logger, withArguments);
        register(logger, () -> c.removeQueryLogger(logger));
    }

    @Override
    public void removeQueryLogger(PgQueryLogger logger) {
        unregister(logger);
    }

    // ---- state -------------------------------------------------------------------------------------------------

    @Override
    public boolean isClosed() {
        return lease.isOver() || conn.isClosed();
    }

    @Override
    public boolean isReleased() {
        return lease.isOver();
    }

    @Override
    public boolean isInTransaction() {
        return check().isInTransaction();
    }

    @Override
    public int getServerPid() {
        return check().getServerPid();
    }

    @Override
    public PgHost getHost() {
        return check().getHost();
    }

    @Override
    public ServerVersion getServerVersion() {
        return check().getServerVersion();
    }

    @Override
    public Map<String, String> getSettings() {
        return check().getSettings();
    }

    @Override
    public PgConnectOptions getOptions() {
        return check().getOptions();
    }

    @Override
    public CompletableFuture<Void> reset() {
        PgConnection c = tryUse();
        return c == null ? refused() : c.reset();
    }

    @Override
    public String getResetQuery() {
        return check().getResetQuery();
    }

    // The type system's per-connection methods, reached through asConnection() (PgConnection).

    CompletableFuture<Void> reloadSchemaState() {
        PgConnection c = tryUse();
        return c == null ? refused() : c.reloadSchemaState();
    }

    CompletableFuture<Void> setTypeCodec(String typeName, String schema, io.pgasync.codec.Codec<?> codec) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.setTypeCodec(typeName, schema, codec);
    }

    <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            java.util.function.Function<? super T, ?> encoder, java.util.function.Function<Object, ? extends T> decoder,
            io.pgasync.codec.PgCodecFormat format) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.setTypeCodec(typeName, schema, javaType, encoder, decoder, format);
    }

    CompletableFuture<Void> setBuiltinTypeCodec(String typeName, String schema, String codecName) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.setBuiltinTypeCodec(typeName, schema, codecName);
    }

    CompletableFuture<Void> resetTypeCodec(String typeName, String schema) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.resetTypeCodec(typeName, schema);
    }

    @Override
    public PgConnection asConnection() {
        PooledConnectionView v = view;
        if (v == null) {
            v = new PooledConnectionView(this);
            view = v;
        }
        return v;
    }

    // ---- ending the lease ----------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> release() {
        lease.pool.release(lease);
        return lease.releaseFuture.copy();
    }

    @Override
    public void close() {
        lease.pool.release(lease);
    }

    @Override
    public void terminate() {
        lease.pool.terminateLease(lease);
    }

    @Override
    public String toString() {
        return "PgPooledConnection[" + lease.pool.getName() + ", " + conn + (lease.isOver() ? ", released" : "")
                + "]";
    }

    @Override
    public CompletableFuture<io.pgasync.PgPreparedStatement<Row>> prepare(String sql) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.prepare(sql);
    }

    @Override
    public <T> CompletableFuture<io.pgasync.PgPreparedStatement<T>> prepare(String sql, RowMapper<T> mapper) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.prepare(sql, mapper);
    }

    @Override
    public java.util.concurrent.Flow.Publisher<Row> cursor(int prefetch, String sql, Object... args) {
        PgConnection c = tryUse();
        if (c == null) {
            PgConnectionReleasedException error = released();
            return subscriber -> {
                subscriber.onSubscribe(new java.util.concurrent.Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                subscriber.onError(error);
            };
        }
        return c.cursor(prefetch, sql, args);
    }

    @Override
    public CompletableFuture<io.pgasync.PgCursor<Row>> openCursor(String sql, Object... args) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.openCursor(sql, args);
    }

    @Override
    public CompletableFuture<Long> copyFromTable(String table, io.pgasync.CopySink sink,
            io.pgasync.PgCopyOptions options) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.copyFromTable(table, sink, options);
    }

    @Override
    public CompletableFuture<Long> copyFromQuery(String query, io.pgasync.CopySink sink,
            io.pgasync.PgCopyOptions options, Object... args) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.copyFromQuery(query, sink, options, args);
    }

    @Override
    public CompletableFuture<Long> copyToTable(String table, io.pgasync.CopySource source,
            io.pgasync.PgCopyOptions options) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.copyToTable(table, source, options);
    }

    @Override
    public CompletableFuture<Long> copyRecordsToTable(String table, Iterable<? extends List<?>> records,
            io.pgasync.PgCopyOptions options) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.copyRecordsToTable(table, records, options);
    }

    CompletableFuture<Long> copyRecordsToTable(String table,
            java.util.concurrent.Flow.Publisher<? extends List<?>> records, io.pgasync.PgCopyOptions options) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.copyRecordsToTable(table, records, options);
    }

    @Override
    public CompletableFuture<Void> addListener(String channel, io.pgasync.PgNotificationListener listener) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.addListener(channel, listener);
    }

    @Override
    public CompletableFuture<Void> removeListener(String channel, io.pgasync.PgNotificationListener listener) {
        PgConnection c = tryUse();
        return c == null ? refused() : c.removeListener(channel, listener);
    }
}
