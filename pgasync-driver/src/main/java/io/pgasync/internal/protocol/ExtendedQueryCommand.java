package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.CommandStatus;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import io.pgasync.codec.Codec;
import io.pgasync.codec.Format;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgErrorFields;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgParameterException;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgServerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A statement run with the extended protocol: {@code execute} with arguments, {@code executeMany},
 * {@code fetch}, {@code fetchRow}, {@code fetchVal}.
 *
 * <p>The first time a connection sees the SQL it sends Parse + Describe + Sync and waits for the parameter
 * types and result columns (a barrier: nothing after it is written meanwhile, so execution order is submission
 * order). Then Bind + Execute + Sync, with every parameter encoded for the type the server inferred. With the
 * statement cache the statement is named and reused; without it (size 0, or SQL over the cacheable size) the
 * unnamed statement is parsed again in the execute group, so each group stands alone (PgBouncer transaction mode).
 *
 * <p>When the server says a cached statement is stale (a schema change: "cached plan must not change result
 * type", or "prepared statement does not exist" after DISCARD or behind PgBouncer), the statement is dropped,
 * re-prepared and, outside a transaction, the call retried once.
 *
 * @param <T> the result type
 */
final class ExtendedQueryCommand<T> extends Command {

    private enum Mode { STATUS, ROWS, FIRST_ROW, MANY, DESCRIBE }

    private enum Phase { INIT, PREPARING, INTROSPECTING, PREPARED, EXECUTING }

    final CallFuture<T> future = new CallFuture<>();
    private final String sql;
    private final List<Object[]> batches;
    private final Mode mode;
    private final RowMapper<?> mapper;
    private final PgConnectionImpl conn;
    /** A statement this command must use (an explicit prepared statement), instead of the cache. */
    private final StatementCache.Entry fixed;

    private Phase phase = Phase.INIT;
    private int attempts;
    private StatementCache.Entry entry;
    private String statementName;
    private int[] parameterTypes;
    private RowDescription description;
    private boolean describedNoData;

    private List<Object> rows;
    private Object firstRow;
    private boolean hasFirstRow;
    private String status;
    private long rowCount;
    /** executeMany only: the statement's rewritten form, when rewriteBatchedInserts recognised it. */
    private BatchInsertRewrite rewrite;
    private PgServerException serverError;
    private RuntimeException clientError;

    private ExtendedQueryCommand(String sql, List<Object[]> batches, Mode mode, RowMapper<?> mapper,
            PgConnectionImpl conn) {
        this(sql, batches, mode, mapper, conn, null);
    }

    private ExtendedQueryCommand(String sql, List<Object[]> batches, Mode mode, RowMapper<?> mapper,
            PgConnectionImpl conn, StatementCache.Entry fixed) {
        this.sql = sql;
        this.batches = batches;
        this.mode = mode;
        this.mapper = mapper;
        this.conn = conn;
        this.fixed = fixed;
    }

    /**
     * Prepares and describes a statement without running it: through the cache (the entry may be the unnamed
     * statement, name "", when the cache does not keep it), or, with {@code explicit}, as that named statement,
     * outside the cache.
     */
    static ExtendedQueryCommand<StatementCache.Entry> describe(String sql, StatementCache.Entry explicit,
            PgConnectionImpl conn) {
        return new ExtendedQueryCommand<>(sql, List.<Object[]>of(), Mode.DESCRIBE, null, conn, explicit);
    }

    /** Runs a prepared statement (an entry that is ready) in one of the result modes. */
    static <R> ExtendedQueryCommand<R> onStatement(StatementCache.Entry statement, String kind, Object[] args,
            List<Object[]> batches, RowMapper<?> mapper, PgConnectionImpl conn) {
        Mode mode = switch (kind) {
            case "status" -> Mode.STATUS;
            case "many" -> Mode.MANY;
            case "rows" -> Mode.ROWS;
            default -> Mode.FIRST_ROW;
        };
        List<Object[]> b = mode == Mode.MANY ? batches : List.<Object[]>of(args);
        ExtendedQueryCommand<R> command = new ExtendedQueryCommand<>(statement.sql, b, mode, mapper, conn, statement);
        if (mode == Mode.MANY && b.size() > 1 && conn.options.rewriteBatchedInserts()) {
            command.rewrite = BatchInsertRewrite.of(statement.sql);
        }
        return command;
    }

    static ExtendedQueryCommand<String> status(String sql, Object[] args, PgConnectionImpl conn) {
        return new ExtendedQueryCommand<>(sql, List.<Object[]>of(args), Mode.STATUS, null, conn);
    }

    static ExtendedQueryCommand<Long> many(String sql, List<Object[]> batches, PgConnectionImpl conn) {
        ExtendedQueryCommand<Long> command = new ExtendedQueryCommand<>(sql, batches, Mode.MANY, null, conn);
        if (batches.size() > 1 && conn.options.rewriteBatchedInserts()) {
            command.rewrite = BatchInsertRewrite.of(sql);
        }
        return command;
    }

    static <R> ExtendedQueryCommand<List<R>> rows(String sql, Object[] args, RowMapper<R> mapper,
            PgConnectionImpl conn) {
        return new ExtendedQueryCommand<>(sql, List.<Object[]>of(args), Mode.ROWS, mapper, conn);
    }

    static <R> ExtendedQueryCommand<R> firstRow(String sql, Object[] args, RowMapper<R> mapper,
            PgConnectionImpl conn) {
        return new ExtendedQueryCommand<>(sql, List.<Object[]>of(args), Mode.FIRST_ROW, mapper, conn);
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    @Override
    boolean write(PgConnectionImpl conn) {
        if (abandoned || future.isDone()) {
            return true;
        }
        switch (phase) {
            case INIT:
                return writeFirstGroup(conn);
            case PREPARING:
            case INTROSPECTING:
                return false; // still waiting for the statement's description, or for its types to be looked up
            case PREPARED:
                return writeExecute(conn);
            default:
                return true;
        }
    }

    private boolean writeFirstGroup(PgConnectionImpl conn) {
        conn.dropStatementsIfCodecsChanged();
        StatementCache cache = conn.statements;
        if (fixed != null) {
            entry = fixed;
            statementName = fixed.name;
            if (fixed.ready) {
                parameterTypes = fixed.parameterTypes;
                description = fixed.rowDescription;
                describedNoData = description == null;
                if (description != null && description.codecVersion != conn.codecs.version()) {
                    // codecs changed since it was prepared (custom codec, reloadSchemaState): decoders again
                    int[] unknown = conn.codecs.unknownTypes(parameterTypes, description.typeOids());
                    if (unknown != null) {
                        phase = Phase.INTROSPECTING;
                        conn.introspectFirst(unknown, error -> afterIntrospection(conn, error));
                        return false; // the lookup now heads the queue and is written next
                    }
                    description = description.rebind(conn.codecs, false);
                    fixed.rowDescription = description;
                }
                return mode == Mode.DESCRIBE ? finishDescribed(conn) : writeExecute(conn);
            }
        } else if (cache.caches(sql)) {
            List<StatementCache.Entry> toClose = conn.scratchList();
            long now = System.nanoTime();
            entry = cache.get(sql, now, toClose);
            if (entry != null && !entry.ready) { // a prepare of it failed and left it behind: start over
                cache.remove(entry);
                entry = null;
            }
            if (entry == null) {
                entry = cache.create(sql, now, toClose);
            }
            closeStatements(conn, toClose);
            statementName = entry.name;
            if (entry.ready) {
                parameterTypes = entry.parameterTypes;
                description = entry.rowDescription;
                describedNoData = description == null;
                return mode == Mode.DESCRIBE ? finishDescribed(conn) : writeExecute(conn);
            }
        } else {
            entry = null;
            statementName = "";
        }
        ByteBuf out = conn.out();
        int mark = out.writerIndex();
        try {
            FrontendMessages.parse(out, statementName, sql, null);
            FrontendMessages.describeStatement(out, statementName);
            FrontendMessages.sync(out);
        } catch (RuntimeException e) {
            out.writerIndex(mark);
            if (entry != null) {
                conn.statements.remove(entry);
            }
            throw e;
        }
        conn.syncWritten(this);
        phase = Phase.PREPARING;
        return false;
    }

    static void closeStatements(PgConnectionImpl conn, List<StatementCache.Entry> toClose) {
        for (StatementCache.Entry stale : toClose) {
            CloseStatementCommand close = new CloseStatementCommand(stale.name);
            close.write(conn); // written at once, ahead of anything queued: the name is no longer used
        }
    }

    private boolean writeExecute(PgConnectionImpl conn) {
        for (int b = 0, n = batches.size(); b < n; b++) { // indexed: no iterator per call
            BindWriter.checkArgumentCount(parameterTypes.length, batches.get(b).length);
        }
        if (rewrite != null && writeRewritten(conn)) {
            return true;
        }
        ByteBuf out = conn.out();
        int mark = out.writerIndex();
        try {
            if (entry == null) { // unnamed: parse again, with the types we learned, so the group stands alone
                FrontendMessages.parse(out, "", sql, parameterTypes);
            }
            int maxRows = mode == Mode.FIRST_ROW ? 1 : 0;
            for (int b = 0, n = batches.size(); b < n; b++) {
                writeBind(out, conn, batches.get(b));
                FrontendMessages.execute(out, "", maxRows);
            }
            FrontendMessages.sync(out);
        } catch (RuntimeException e) {
            out.writerIndex(mark);
            throw e;
        }
        conn.syncWritten(this);
        phase = Phase.EXECUTING;
        return true;
    }

    /**
     * Writes the argument lists as {@link BatchInsertRewrite} statements, one per {@link
     * BatchInsertRewrite#ROWS_PER_STATEMENT} lists, each parameter bound as an array of its element type; false, with
     * nothing written, when a parameter's type has no built-in array type or a value does not fit the array form
     * (then the usual form runs, and names the argument list a bad value is in).
     */
    private boolean writeRewritten(PgConnectionImpl conn) {
        int count = parameterTypes.length;
        if (count != rewrite.parameterCount() || description != null) {
            return false;
        }
        int[] arrayTypes = new int[count];
        for (int p = 0; p < count; p++) {
            arrayTypes[p] = conn.codecs.builtinArrayTypeOf(parameterTypes[p]);
            if (arrayTypes[p] == 0) {
                return false;
            }
        }
        ByteBuf out = conn.out();
        int mark = out.writerIndex();
        try {
            FrontendMessages.parse(out, "", rewrite.sql(), arrayTypes);
            for (int from = 0, n = batches.size(); from < n; from += BatchInsertRewrite.ROWS_PER_STATEMENT) {
                int to = Math.min(n, from + BatchInsertRewrite.ROWS_PER_STATEMENT);
                BindWriter.write(out, "", "", arrayTypes, rewrite.columns(batches, from, to), null, conn);
                FrontendMessages.execute(out, "", 0);
            }
            FrontendMessages.sync(out);
        } catch (PgParameterException e) {
            out.writerIndex(mark);
            return false;
        } catch (RuntimeException e) {
            out.writerIndex(mark);
            throw e;
        }
        conn.syncWritten(this);
        phase = Phase.EXECUTING;
        return true;
    }

    private void writeBind(ByteBuf out, PgConnectionImpl conn, Object[] args) {
        BindWriter.write(out, "", statementName, parameterTypes, args, description, conn);
    }

    private static String typeName(PgConnectionImpl conn, int oid) {
        String name = conn.codecs.typeName(oid);
        return name != null ? name : "OID " + oid;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @Override
    void onMessage(byte type, ByteBuf body, PgConnectionImpl conn) {
        switch (type) {
            case 'D' -> onDataRow(body, conn);
            case 'C' -> {
                if (fixed == null && !conn.hasQueryLoggers()) {
                    if (mode == Mode.MANY) { // only the row count is read: do not build the string
                        long count = Wire.readCommandTagRowCount(body);
                        if (count > 0) {
                            rowCount += count;
                        }
                        return;
                    }
                    if (mode != Mode.STATUS) {
                        return; // nobody reads the tag of a fetch: do not build the string
                    }
                }
                String tag = Wire.readCommandTag(body);
                status = tag;
                if (mode == Mode.MANY) {
                    long count = CommandStatus.parse(tag).rowCount();
                    if (count > 0) {
                        rowCount += count;
                    }
                }
            }
            case '1', '2', '3', 's' -> {
                // ParseComplete, BindComplete, CloseComplete, PortalSuspended
            }
            case 'I' -> status = "";
            case 't' -> parameterTypes = Wire.readParameterDescription(body);
            case 'T' -> description = RowDescription.read(body, conn.codecs, false);
            case 'n' -> {
                description = null;
                describedNoData = true;
            }
            case 'E' -> {
                if (serverError == null) {
                    serverError = conn.readServerError(body);
                }
            }
            case 'G', 'H', 'W' -> throw new PgProtocolException("COPY cannot run through execute/fetch; use the COPY"
                    + " methods of pgasync");
            default -> throw new PgProtocolException("The server sent an unexpected message of type '"
                    + PgFrameDecoder.printable(type) + "' in reply to an extended query");
        }
    }

    private void onDataRow(ByteBuf body, PgConnectionImpl conn) {
        if (mode == Mode.STATUS || mode == Mode.MANY || abandoned || serverError != null || clientError != null
                || future.isDone()) {
            return;
        }
        RowDescription d = description;
        if (d == null) {
            throw new PgProtocolException("The server sent a row for a statement it described as returning none");
        }
        Object[] values;
        try {
            values = RowDecoder.decode(body, d, conn);
        } catch (PgClientException e) {
            if (e instanceof PgProtocolException) {
                throw e;
            }
            clientError = e;
            return;
        }
        Row row = new RowImpl(d, values);
        Object mapped;
        try {
            mapped = mapper.map(row);
        } catch (RuntimeException e) {
            clientError = e;
            return;
        }
        if (mode == Mode.FIRST_ROW) {
            if (!hasFirstRow) {
                hasFirstRow = true;
                firstRow = mapped;
            }
        } else {
            if (rows == null) {
                rows = new ArrayList<>();
            }
            rows.add(mapped);
        }
    }

    @Override
    void onReadyForQuery(PgConnectionImpl conn) {
        if (phase == Phase.PREPARING) {
            onPrepared(conn);
        } else {
            onExecuted(conn);
        }
    }

    private void onPrepared(PgConnectionImpl conn) {
        if (serverError != null) {
            if (entry != null && fixed == null) {
                conn.statements.remove(entry);
            }
            finish(conn, withPgBouncerHint(serverError));
            return;
        }
        if (parameterTypes == null || (description == null && !describedNoData)) {
            finish(conn, new PgProtocolException("The server did not describe the statement"));
            return;
        }
        if (entry != null) {
            entry.parameterTypes = parameterTypes;
            entry.rowDescription = description;
            entry.ready = true;
        }
        if (!abandoned && !future.isDone()) {
            int[] unknown = conn.codecs.unknownTypes(parameterTypes, description == null ? null
                    : description.typeOids());
            if (unknown != null) { // types without codecs (user or extension types): look them up before Bind
                phase = Phase.INTROSPECTING;
                conn.introspectFirst(unknown, error -> afterIntrospection(conn, error));
                return;
            }
        }
        phase = Phase.PREPARED;
        if (mode == Mode.DESCRIBE) {
            finishDescribed(conn);
            phase = Phase.EXECUTING;
            return;
        }
        if (abandoned || future.isDone()) {
            phase = Phase.EXECUTING; // nothing more to write; the connection moves on
        }
        // the connection calls write() again: this command is at the head of its queue
    }

    /** The type lookup is over: choose the result decoders again, then go on to Bind. */
    private void afterIntrospection(PgConnectionImpl conn, Throwable error) {
        if (error != null && conn.transactionStatus() == 'E') {
            phase = Phase.EXECUTING;
            finish(conn, new PgClientException("Could not look up the types of the statement's parameters or"
                    + " result columns, and the failure aborted the transaction: " + error.getMessage(), error));
            return;
        }
        // on any other failure the types stay unknown and travel as text
        if (description != null) {
            description = description.rebind(conn.codecs, false);
            if (entry != null) {
                entry.rowDescription = description;
            }
        }
        if (mode == Mode.DESCRIBE && !abandoned && !future.isDone()) {
            finishDescribed(conn);
            phase = Phase.EXECUTING;
            return;
        }
        phase = abandoned || future.isDone() ? Phase.EXECUTING : Phase.PREPARED;
    }

    /** Completes a DESCRIBE: the statement (for the unnamed statement, a description that is not cached). */
    @SuppressWarnings("unchecked")
    private boolean finishDescribed(PgConnectionImpl conn) {
        StatementCache.Entry result = entry;
        if (result == null) {
            result = new StatementCache.Entry(sql, "", System.nanoTime());
            result.parameterTypes = parameterTypes;
            result.rowDescription = description;
            result.ready = true;
        }
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        future.complete((T) result);
        return true;
    }

    private void onExecuted(PgConnectionImpl conn) {
        if (serverError != null && exposedToCancel && isUserCancel(serverError) && conn.transactionStatus() == 'I'
                && conn.nothingInFlight() && attempts == 0 && !abandoned && !future.isDone()) {
            // a cancel meant for the statement ahead of this one, which ended just before it arrived; this one was
            // rolled back whole (its own Sync, no transaction block) and nothing was sent after it, so it runs
            // again, in its place, once the cancel is through
            attempts++;
            exposedToCancel = false;
            resetForRetry();
            conn.retry(this);
            return;
        }
        if (serverError != null && isStaleStatement(serverError) && entry != null && fixed == null) {
            conn.statements.remove(entry);
            if ("0A000".equals(serverError.getSqlState())) {
                conn.statementWentStale(sql); // the other connections of a pool drop theirs
            }
            List<StatementCache.Entry> stale = new ArrayList<>(1);
            stale.add(entry);
            closeStatements(conn, stale);
            if (conn.transactionStatus() == 'I' && attempts == 0 && !abandoned && !future.isDone()) {
                attempts++;
                resetForRetry();
                conn.retry(this);
                return;
            }
            if (conn.transactionStatus() != 'I') {
                serverError = withHint(serverError, "The statement was prepared before a schema change (or the"
                        + " server dropped it). pgasync prepares it again automatically, but cannot retry inside a"
                        + " transaction: roll back and run the transaction again.");
            }
        }
        if (serverError != null) {
            finish(conn, withPgBouncerHint(serverError));
        } else if (clientError != null) {
            finish(conn, clientError);
        } else {
            finishOk(conn);
        }
    }

    private void resetForRetry() {
        phase = Phase.INIT;
        entry = null;
        parameterTypes = null;
        description = null;
        describedNoData = false;
        rows = null;
        firstRow = null;
        hasFirstRow = false;
        status = null;
        rowCount = 0;
        serverError = null;
        clientError = null;
    }

    /** A cancel request's error, not a statement_timeout's (the same SQLSTATE, 57014). */
    private static boolean isUserCancel(PgServerException e) {
        String message = e.getServerMessage();
        return "57014".equals(e.getSqlState()) && (message == null || !message.contains("timeout"));
    }

    private static boolean isStaleStatement(PgServerException e) {
        String state = e.getSqlState();
        return ("0A000".equals(state) && "RevalidateCachedQuery".equals(e.getRoutine())) || "26000".equals(state);
    }

    private PgServerException withPgBouncerHint(PgServerException e) {
        String state = e.getSqlState();
        if (("26000".equals(state) || "42P05".equals(state)) && entry != null) {
            return withHint(e, "If the connection goes through PgBouncer in transaction or statement pooling mode,"
                    + " prepared statements do not survive between transactions: set statementCacheSize=0.");
        }
        return e;
    }

    private static PgServerException withHint(PgServerException e, String hint) {
        Map<Character, String> fields = new LinkedHashMap<>(e.getFields().asMap());
        String existing = fields.get('H');
        fields.put('H', existing == null ? hint : existing + " " + hint);
        return PgServerException.of(PgErrorFields.of(fields, e.getFields().detailInMessage()));
    }

    @SuppressWarnings("unchecked")
    private void finishOk(PgConnectionImpl conn) {
        Object result = switch (mode) {
            case STATUS -> status == null ? "" : status;
            case MANY -> rowCount;
            case ROWS -> rows == null ? new ArrayList<>(0) : rows;
            case FIRST_ROW -> hasFirstRow ? firstRow : null;
            case DESCRIBE -> entry;
        };
        if (fixed != null && fixed.statusListener != null) {
            fixed.statusListener.accept(status);
        }
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        if (conn.awaitsQueryLoggers(this)) { // loggers first: they have run once the caller resumes
            conn.queryFinished(this, batches.size() == 1 ? batches.get(0) : null, status, null);
        }
        future.complete((T) result);
    }

    private void finish(PgConnectionImpl conn, RuntimeException error) {
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        if (conn.awaitsQueryLoggers(this)) {
            conn.queryFinished(this, batches.size() == 1 ? batches.get(0) : null, null, error);
        }
        future.completeExceptionally(error);
    }

    @Override
    boolean fail(Throwable cause) {
        // a server error followed by the connection closing (FATAL) is reported as the server error
        Throwable reported = serverError != null && cause instanceof PgConnectionException ? serverError : cause;
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        if (conn.awaitsQueryLoggers(this)) {
            conn.queryFinished(this, batches.size() == 1 ? batches.get(0) : null, null, reported);
        }
        return future.completeExceptionally(reported);
    }

    @Override
    boolean isDone() {
        return future.isDone();
    }

    @Override
    boolean reportsToQueryLoggers() {
        return true;
    }

    @Override
    boolean cancellable() {
        return phase == Phase.EXECUTING;
    }

    @Override
    String sql() {
        return sql;
    }
}
