package io.pgasync.internal.pool;

import io.pgasync.IsolationLevel;
import io.pgasync.PgClient;
import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.PgHost;
import io.pgasync.PgLogListener;
import io.pgasync.PgQueryLogger;
import io.pgasync.PgTerminationListener;
import io.pgasync.PgTransaction;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import io.pgasync.ServerVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A pooled connection seen as a {@link PgConnection} ({@code asConnection()}): everything goes through the lease,
 * {@code close} releases it and {@code terminate} discards the connection.
 */
final class PooledConnectionView implements PgConnection {

    private final PooledConnectionImpl owner;

    PooledConnectionView(PooledConnectionImpl owner) {
        this.owner = owner;
    }

    @Override
    public CompletableFuture<String> execute(String sql) {
        return owner.execute(sql);
    }

    @Override
    public CompletableFuture<String> execute(String sql, Object... args) {
        return owner.execute(sql, args);
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists) {
        return owner.executeMany(sql, argumentLists);
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return owner.fetch(sql, args);
    }

    @Override
    public <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object... args) {
        return owner.fetch(mapper, sql, args);
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return owner.fetchRow(sql, args);
    }

    @Override
    public <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object... args) {
        return owner.fetchRow(mapper, sql, args);
    }

    @Override
    public CompletableFuture<Object> fetchVal(String sql, Object... args) {
        return owner.fetchVal(sql, args);
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object... args) {
        return owner.fetchVal(sql, type, args);
    }

    @Override
    public PgClient withTimeout(Duration timeout) {
        return owner.withTimeout(timeout);
    }

    @Override
    public PgTransaction transaction() {
        return owner.transaction();
    }

    @Override
    public PgTransaction transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable) {
        return owner.transaction(isolation, readOnly, deferrable);
    }

    @Override
    public <T> CompletableFuture<T> transaction(Function<? super PgConnection, ? extends CompletionStage<T>> work) {
        return owner.transaction(null, false, false, c -> work.apply(this));
    }

    @Override
    public <T> CompletableFuture<T> transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable,
            Function<? super PgConnection, ? extends CompletionStage<T>> work) {
        return owner.transaction(isolation, readOnly, deferrable, c -> work.apply(this));
    }

    @Override
    public void addLogListener(PgLogListener listener) {
        owner.addLogListener(listener);
    }

    @Override
    public void removeLogListener(PgLogListener listener) {
        owner.removeLogListener(listener);
    }

    @Override
    public void addTerminationListener(PgTerminationListener listener) {
        owner.addTerminationListener(listener);
    }

    @Override
    public void removeTerminationListener(PgTerminationListener listener) {
        owner.removeTerminationListener(listener);
    }

    @Override
    public void addQueryLogger(PgQueryLogger logger) {
        owner.addQueryLogger(logger);
    }

    @Override
    public void addQueryLogger(PgQueryLogger logger, boolean withArguments) {
        owner.addQueryLogger(logger, withArguments);
    }

    @Override
    public void removeQueryLogger(PgQueryLogger logger) {
        owner.removeQueryLogger(logger);
    }

    @Override
    public boolean isClosed() {
        return owner.isClosed();
    }

    @Override
    public boolean isInTransaction() {
        return owner.isInTransaction();
    }

    @Override
    public int getServerPid() {
        return owner.getServerPid();
    }

    @Override
    public PgHost getHost() {
        return owner.getHost();
    }

    @Override
    public ServerVersion getServerVersion() {
        return owner.getServerVersion();
    }

    @Override
    public Map<String, String> getSettings() {
        return owner.getSettings();
    }

    @Override
    public PgConnectOptions getOptions() {
        return owner.getOptions();
    }

    @Override
    public CompletableFuture<Void> reset() {
        return owner.reset();
    }

    @Override
    public String getResetQuery() {
        return owner.getResetQuery();
    }

    @Override
    public CompletableFuture<Void> reloadSchemaState() {
        return owner.reloadSchemaState();
    }

    @Override
    public CompletableFuture<Void> setTypeCodec(String typeName, String schema, io.pgasync.codec.Codec<?> codec) {
        return owner.setTypeCodec(typeName, schema, codec);
    }

    @Override
    public <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            Function<? super T, ?> encoder, Function<Object, ? extends T> decoder,
            io.pgasync.codec.PgCodecFormat format) {
        return owner.setTypeCodec(typeName, schema, javaType, encoder, decoder, format);
    }

    @Override
    public CompletableFuture<Void> setBuiltinTypeCodec(String typeName, String schema, String codecName) {
        return owner.setBuiltinTypeCodec(typeName, schema, codecName);
    }

    @Override
    public CompletableFuture<Void> resetTypeCodec(String typeName, String schema) {
        return owner.resetTypeCodec(typeName, schema);
    }

    /** Releases the lease to the pool; the connection itself stays open. */
    @Override
    public CompletableFuture<Void> close() {
        return owner.release();
    }

    /** Releases the lease to the pool (there is nothing to wait for in flight on the pool's side). */
    @Override
    public CompletableFuture<Void> close(Duration timeout) {
        return owner.release();
    }

    @Override
    public void terminate() {
        owner.terminate();
    }

    @Override
    public String toString() {
        return owner.toString();
    }

    @Override
    public CompletableFuture<io.pgasync.PgPreparedStatement<Row>> prepare(String sql) {
        return owner.prepare(sql);
    }

    @Override
    public <T> CompletableFuture<io.pgasync.PgPreparedStatement<T>> prepare(String sql, RowMapper<T> mapper) {
        return owner.prepare(sql, mapper);
    }

    @Override
    public java.util.concurrent.Flow.Publisher<Row> cursor(String sql, Object... args) {
        return owner.cursor(50, sql, args);
    }

    @Override
    public java.util.concurrent.Flow.Publisher<Row> cursor(int prefetch, String sql, Object... args) {
        return owner.cursor(prefetch, sql, args);
    }

    @Override
    public CompletableFuture<io.pgasync.PgCursor<Row>> openCursor(String sql, Object... args) {
        return owner.openCursor(sql, args);
    }

    @Override
    public CompletableFuture<Long> copyFromTable(String table, io.pgasync.CopySink sink,
            io.pgasync.PgCopyOptions options) {
        return owner.copyFromTable(table, sink, options);
    }

    @Override
    public CompletableFuture<Long> copyFromQuery(String query, io.pgasync.CopySink sink,
            io.pgasync.PgCopyOptions options, Object... args) {
        return owner.copyFromQuery(query, sink, options, args);
    }

    @Override
    public CompletableFuture<Long> copyToTable(String table, io.pgasync.CopySource source,
            io.pgasync.PgCopyOptions options) {
        return owner.copyToTable(table, source, options);
    }

    @Override
    public CompletableFuture<Long> copyRecordsToTable(String table, Iterable<? extends List<?>> records,
            io.pgasync.PgCopyOptions options) {
        return owner.copyRecordsToTable(table, records, options);
    }

    @Override
    public CompletableFuture<Long> copyRecordsToTable(String table,
            java.util.concurrent.Flow.Publisher<? extends List<?>> records, io.pgasync.PgCopyOptions options) {
        return owner.copyRecordsToTable(table, records, options);
    }

    @Override
    public CompletableFuture<Void> addListener(String channel, io.pgasync.PgNotificationListener listener) {
        return owner.addListener(channel, listener);
    }

    @Override
    public CompletableFuture<Void> removeListener(String channel, io.pgasync.PgNotificationListener listener) {
        return owner.removeListener(channel, listener);
    }
}
