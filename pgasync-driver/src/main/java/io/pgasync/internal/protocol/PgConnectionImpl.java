package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.pgasync.IsolationLevel;
import io.pgasync.PgClient;
import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.PgHost;
import io.pgasync.PgLogListener;
import io.pgasync.PgNotification;
import io.pgasync.PgNotificationListener;
import io.pgasync.PgNotice;
import io.pgasync.PgQueryEvent;
import io.pgasync.PgQueryLogger;
import io.pgasync.PgTerminationListener;
import io.pgasync.PgTransaction;
import io.pgasync.Row;
import io.pgasync.RowMapper;
import io.pgasync.ServerVersion;
import io.pgasync.exception.PgConnectionClosedException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgErrorFields;
import io.pgasync.exception.PgException;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgServerException;
import io.pgasync.exception.PgTimeoutException;
import io.pgasync.codec.Codec;
import io.pgasync.codec.PgCodecFormat;
import io.pgasync.exception.PgClientException;
import io.pgasync.internal.codec.FunctionCodec;
import io.pgasync.internal.codec.SessionCodecs;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A connection: the protocol state machine of one server session, confined to its channel's event loop.
 *
 * <p>Callers on any thread submit {@link Command}s; the connection queues them ({@code unwritten}), writes as many
 * as the pipeline limit allows into one output buffer that is flushed once per event-loop task, and routes the
 * backend's messages to the command at the head of {@code inflight} (one entry per Sync written) until each
 * ReadyForQuery. Netty glue lives in {@link ProtocolHandler}; this class never blocks.
 */
public final class PgConnectionImpl implements PgConnection {

    private static final System.Logger LOG = System.getLogger("io.pgasync.protocol");

    final Channel channel;
    final EventLoop loop;
    final PgConnectOptions options;
    final ConnectionConfig config;
    /** The connection's codecs: built-ins, providers, custom codecs and introspected types. */
    final SessionCodecs codecs;
    final SessionCodecContext codecContext;
    /** The codecs version the cached statements' result decoders were chosen with. */
    int statementsCodecVersion;
    final StatementCache statements;
    private final CancelTarget cancelTarget;

    private final ArrayDeque<Command> unwritten = new ArrayDeque<>();
    private final ArrayDeque<Command> inflight = new ArrayDeque<>();
    private ByteBuf out;
    private boolean flushScheduled;
    private volatile char transactionStatus = 'I';
    private volatile boolean closed;
    private volatile boolean closing;
    private Throwable closeCause;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private volatile int processId;
    private volatile byte[] secretKey;
    private volatile ServerVersion serverVersion;

    private final List<PgLogListener> logListeners = new CopyOnWriteArrayList<>();
    private final List<PgTerminationListener> terminationListeners = new CopyOnWriteArrayList<>();
    private final List<QueryLoggerRegistration> queryLoggers = new CopyOnWriteArrayList<>();
    private final Map<String, List<PgNotificationListener>> notificationListeners = new ConcurrentHashMap<>();
    /** Incremented by reset(): prepared statements and cursors of an earlier generation are invalid. */
    private volatile int generation;

    /** CancelRequests whose connection the server has not closed yet (event loop); writing waits for them. */
    private int cancelsInFlight;

    /** The transaction object that started the current transaction block, if it was started through one. */
    volatile TransactionImpl topTransaction;
    private int savepointCounter;

    PgConnectionImpl(Channel channel, PgConnectOptions options, ConnectionConfig config, SessionCodecs codecs,
            CancelTarget cancelTarget) {
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.options = options;
        this.config = config;
        this.codecs = codecs;
        this.codecContext = new SessionCodecContext(codecs);
        this.statementsCodecVersion = codecs.version();
        this.statements = new StatementCache(config.statementCacheSize(),
                config.maxCachedStatementLifetime() == null ? 0 : config.maxCachedStatementLifetime().toNanos(),
                config.maxCacheableStatementSize());
        this.cancelTarget = cancelTarget;
    }

    // ---- submission and writing (event loop) ------------------------------------------------------------------

    /** Submits a command from any thread, with the given timeout (null or non-positive: none). */
    void submit(Command command, Duration timeout) {
        command.submittedAt = System.nanoTime();
        if (!queryLoggers.isEmpty() && command.reportsToQueryLoggers()) {
            queryStarted(command);
        }
        if (loop.inEventLoop()) {
            enqueue(command, timeout);
        } else {
            loop.execute(() -> enqueue(command, timeout));
        }
    }

    private void enqueue(Command command, Duration timeout) {
        if (closed || closing) {
            command.fail(closedException());
            return;
        }
        if (command.isDone()) { // cancelled before it reached the event loop
            return;
        }
        if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            command.timeoutTask = loop.schedule(() -> onTimeout(command, timeout), timeout.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        unwritten.add(command);
        pump();
    }

    /** Writes queued commands while the pipeline has room, stopping at a command that awaits a reply. */
    void pump() {
        while (!unwritten.isEmpty() && inflight.size() < config.pipelineLimit() && !closed && cancelsInFlight == 0) {
            Command command = unwritten.peek();
            if (command.abandoned && !command.started) {
                unwritten.poll();
                continue;
            }
            boolean complete;
            try {
                complete = command.write(this);
                command.started = true;
            } catch (RuntimeException e) {
                complete = true;
                command.fail(e instanceof PgException ? e : new PgProtocolException(
                        "Could not write the query: " + e, e));
            }
            if (complete) {
                unwritten.poll();
            } else if (unwritten.peek() == command) {
                break;
            }
            // else the command put another in front of itself (a type lookup it needs): write that one first
        }
        if (out != null && out.isReadable()) {
            scheduleFlush();
        }
    }

    /** Puts a command back at the front of the queue, to run again (a statement re-prepared after a schema change). */
    void retry(Command command) {
        command.started = false;
        unwritten.addFirst(command);
    }

    /**
     * Puts a type lookup at the front of the queue, ahead of the command that needs it (which is at the head of
     * the queue, waiting between its Describe and its Bind). Event loop only.
     *
     * @param oids the type OIDs to introspect
     * @param then called on the event loop when the lookup is over, with null or the failure
     */
    void introspectFirst(int[] oids, java.util.function.Consumer<Throwable> then) {
        IntrospectionCommand lookup = new IntrospectionCommand(oids, then);
        lookup.submittedAt = System.nanoTime();
        unwritten.addFirst(lookup);
    }

    /**
     * Drops every cached statement when codecs of known types changed since they were prepared (a custom codec
     * set or reset, the shared type cache cleared): their result decoders are out of date. Event loop only.
     */
    void dropStatementsIfCodecsChanged() {
        int version = codecs.version();
        if (version != statementsCodecVersion) {
            statementsCodecVersion = version;
            ExtendedQueryCommand.closeStatements(this, statements.clear());
        }
    }

    /** The buffer commands write their messages into; flushed at the end of the current event-loop task. */
    ByteBuf out() {
        if (out == null) {
            out = channel.alloc().ioBuffer(512);
        }
        return out;
    }

    /** Records that a command wrote a Sync: the replies up to the next ReadyForQuery are its. */
    void syncWritten(Command command) {
        inflight.add(command);
        command.pendingSyncs++;
    }

    /** {@link #flushNow}, made once: a flush is scheduled for most calls. */
    private final Runnable flushTask = this::flushNow;

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(flushTask);
        }
    }

    void flushNow() {
        flushScheduled = false;
        ByteBuf buffer = out;
        out = null;
        if (buffer == null) {
            return;
        }
        if (!buffer.isReadable() || !channel.isActive()) {
            buffer.release();
            return;
        }
        channel.writeAndFlush(buffer, channel.voidPromise());
    }

    // ---- reading (event loop) ---------------------------------------------------------------------------------

    /** Handles one backend message; called through {@link ProtocolHandler}; the body is valid during the call only. */
    void onMessage(byte type, ByteBuf body) {
        switch (type) {
            case 'N' -> onNotice(body);
            case 'S' -> onParameterStatus(body);
            case 'A' -> onNotification(body);
            case 'Z' -> onReadyForQuery(body);
            default -> {
                Command head = inflight.peek();
                if (head == null) {
                    if (type == 'E') {
                        PgServerException error = PgServerException.of(
                                Wire.readErrorFields(body, config.errorDetailInMessages()));
                        closeWithCause(error);
                        return;
                    }
                    throw new PgProtocolException("The server sent an unexpected message of type '"
                            + PgFrameDecoder.printable(type) + "' while no query was running");
                }
                head.onMessage(type, body, this);
            }
        }
    }

    private void onReadyForQuery(ByteBuf body) {
        if (!body.isReadable()) {
            throw new PgProtocolException("The server sent an empty ReadyForQuery");
        }
        byte status = body.readByte();
        if (status != 'I' && status != 'T' && status != 'E') {
            throw new PgProtocolException("The server sent ReadyForQuery with an unknown transaction status '"
                    + PgFrameDecoder.printable(status) + "'");
        }
        transactionStatus = (char) status;
        Command head = inflight.poll();
        if (head == null) {
            throw new PgProtocolException("The server sent ReadyForQuery while no query was running");
        }
        head.pendingSyncs--;
        head.onReadyForQuery(this);
        sendCancelIfHeadAbandoned();
        pump();
    }

    private void onNotice(ByteBuf body) {
        PgNotice notice = new PgNotice(Wire.readErrorFields(body, config.errorDetailInMessages()));
        if (logListeners.isEmpty()) {
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "server notice: " + notice);
            }
            return;
        }
        for (PgLogListener listener : logListeners) {
            try {
                listener.onNotice(this, notice);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a log listener threw", e);
            }
        }
    }

    private void onNotification(ByteBuf body) {
        int pid = Wire.readInt(body, "NotificationResponse");
        String channelName = Wire.readCString(body);
        String payload = Wire.readCString(body);
        List<PgNotificationListener> listeners = notificationListeners.get(channelName);
        if (listeners == null || listeners.isEmpty()) {
            return; // a notification racing with UNLISTEN
        }
        PgNotification notification = new PgNotification(pid, channelName, payload);
        for (PgNotificationListener listener : listeners) {
            try {
                listener.onNotification(this, notification);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a notification listener for channel \"" + channelName
                        + "\" threw; the connection is unaffected", e);
            }
        }
    }

    @Override
    public CompletableFuture<Void> addListener(String channel, PgNotificationListener listener) {
        String listen;
        try {
            listen = "LISTEN " + Identifiers.quoteIdentifier(channel);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        boolean first;
        synchronized (notificationListeners) {
            List<PgNotificationListener> list = notificationListeners.computeIfAbsent(channel,
                    c -> new CopyOnWriteArrayList<>());
            first = list.isEmpty();
            list.add(listener);
        }
        if (!first) {
            return CompletableFuture.completedFuture(null);
        }
        return execute(listen).handle((status, error) -> {
            if (error != null) {
                synchronized (notificationListeners) {
                    List<PgNotificationListener> list = notificationListeners.get(channel);
                    if (list != null) {
                        list.remove(listener);
                        if (list.isEmpty()) {
                            notificationListeners.remove(channel);
                        }
                    }
                }
                throw error instanceof java.util.concurrent.CompletionException ce ? ce
                        : new java.util.concurrent.CompletionException(error);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> removeListener(String channel, PgNotificationListener listener) {
        boolean last;
        synchronized (notificationListeners) {
            List<PgNotificationListener> list = notificationListeners.get(channel);
            if (list == null || !list.remove(listener)) {
                return CompletableFuture.completedFuture(null);
            }
            last = list.isEmpty();
            if (last) {
                notificationListeners.remove(channel);
            }
        }
        if (!last || closed) {
            return CompletableFuture.completedFuture(null);
        }
        return execute("UNLISTEN " + Identifiers.quoteIdentifier(channel)).thenApply(status -> null);
    }

    int generation() {
        return generation;
    }

    // ---- statement invalidation shared by a pool ---------------------------------------------------------------

    private volatile java.util.function.Consumer<String> staleStatementListener;

    /**
     * Tells the listener whenever this connection finds a cached statement stale (a schema change), so a pool can
     * make its other connections drop theirs (asyncpg does this).
     *
     * @param listener called with the SQL text, on this connection's event loop
     */
    public void setStaleStatementListener(java.util.function.Consumer<String> listener) {
        this.staleStatementListener = listener;
    }

    void statementWentStale(String sql) {
        java.util.function.Consumer<String> listener = staleStatementListener;
        if (listener != null) {
            try {
                listener.accept(sql);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a stale-statement listener threw", e);
            }
        }
    }

    /**
     * Drops the cached statement for this SQL, if any, and closes it on the server: another connection found it
     * stale. Safe from any thread.
     *
     * @param sql the SQL text
     */
    public void invalidateStatement(String sql) {
        Runnable task = () -> {
            StatementCache.Entry e = statements.removeSql(sql);
            if (e != null && e.ready && !closed && !closing) {
                submit(new CloseStatementCommand(e.name), null);
            }
        };
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    void onParameterStatus(ByteBuf body) {
        String name = Wire.readCString(body);
        String value = Wire.readCString(body);
        settings.put(name, value);
        switch (name) {
            case "client_encoding" -> {
                if (!"UTF8".equalsIgnoreCase(value) && !"UNICODE".equalsIgnoreCase(value)) {
                    throw new PgProtocolException("The session's client_encoding changed to " + value
                            + "; pgasync reads and writes UTF-8 only, so the connection is closed. Do not change"
                            + " client_encoding.");
                }
            }
            case "TimeZone" -> codecContext.updateTimeZone(value);
            case "server_version" -> {
                try {
                    serverVersion = ServerVersion.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new PgProtocolException("The server reported an unreadable server_version", e);
                }
            }
            default -> {
                // kept in settings only
            }
        }
    }

    /**
     * Reads an ErrorResponse for a command. A FATAL or PANIC error ends the session: it becomes the reason the
     * connection closed, which termination listeners and later callers are told.
     */
    PgServerException readServerError(ByteBuf body) {
        PgServerException error = PgServerException.of(Wire.readErrorFields(body, config.errorDetailInMessages()));
        String severity = error.getSeverity();
        if (closeCause == null && ("FATAL".equals(severity) || "PANIC".equals(severity))) {
            closeCause = error;
        }
        return error;
    }

    void setBackendKey(int processId, byte[] secretKey) {
        this.processId = processId;
        this.secretKey = secretKey;
    }

    char transactionStatus() {
        return transactionStatus;
    }

    // ---- timeouts, cancellation ---------------------------------------------------------------------------------

    private void onTimeout(Command command, Duration timeout) {
        if (command.isDone()) {
            return;
        }
        abandon(command, new PgTimeoutException("The query did not finish within " + timeout
                + " (commandTimeout); the server was asked to cancel it and the connection remains usable."
                + " Raise the timeout, or make the query faster.", timeout, null));
    }

    /** The caller gave up on a command: fail it and, once the server runs it, ask the server to cancel it. */
    void abandon(Command command, Throwable reason) {
        command.fail(reason);
        command.abandoned = true;
        if (command.timeoutTask != null) {
            command.timeoutTask.cancel(false);
        }
        if (!command.started) {
            unwritten.remove(command);
            return;
        }
        sendCancelIfHeadAbandoned();
    }

    /** Watches a caller's future for cancellation, which cancels the command on the server. */
    void watchCancellation(CompletableFuture<?> future, Command command) {
        if (future instanceof CallFuture<?> call) {
            call.bind(this, command); // its cancel() abandons the command: no callback per call
            return;
        }
        future.whenComplete((result, error) -> {
            if (error instanceof CancellationException) {
                if (loop.inEventLoop()) {
                    abandon(command, error);
                } else {
                    loop.execute(() -> abandon(command, error));
                }
            }
        });
    }

    private final List<StatementCache.Entry> scratch = new ArrayList<>();

    /** An empty list for statements to close, reused on the event loop (commands drain it at once). */
    List<StatementCache.Entry> scratchList() {
        scratch.clear();
        return scratch;
    }

    private void sendCancelIfHeadAbandoned() {
        Command head = inflight.peek();
        if (head == null || !head.abandoned || closed) {
            return;
        }
        if (!head.cancelSent && head.cancellable()) {
            head.cancelSent = true;
            if (cancelTarget != null && secretKey != null) {
                sendCancel();
            }
        }
        armCancelGrace(head); // also for a statement still being prepared: its reply is as overdue
    }

    /**
     * Sends a CancelRequest for the statement running now, and holds back every command not yet written until the
     * server has closed the cancel connection, that is, until the backend has been signalled: a statement written
     * before that could be the one the late signal cancels (the cancelled one may end just as the request is sent).
     * Event loop only.
     */
    private void sendCancel() {
        cancelsInFlight++;
        Command head = inflight.peek();
        for (Command command : inflight) {
            if (command != head) {
                command.exposedToCancel = true; // already sent: a late signal could land in it
            }
        }
        cancelTarget.sendCancel(processId, secretKey).whenComplete((v, e) -> {
            if (loop.inEventLoop()) {
                cancelDelivered();
            } else {
                loop.execute(this::cancelDelivered);
            }
        });
    }

    /** Whether no command is in flight: for the one whose replies just ended, nothing was sent behind it. */
    boolean nothingInFlight() {
        return inflight.isEmpty();
    }

    private void cancelDelivered() {
        cancelsInFlight--;
        if (cancelsInFlight == 0 && !closed) {
            pump();
        }
    }

    /**
     * Once a command this client gave up on heads the pipeline (and its cancel request, if it runs, was sent): if
     * the server has still not finished it when the grace period is over, the server does not answer at all (a
     * network partition, a frozen server), so the connection is closed rather than left to hang every call queued
     * behind the command. Once per command; event loop only.
     */
    private void armCancelGrace(Command command) {
        Duration grace = options.cancelGracePeriod();
        if (command.graceArmed || grace.isZero()) {
            return;
        }
        command.graceArmed = true;
        loop.schedule(() -> {
            if (!closed && inflight.contains(command)) {
                closeWithCause(new PgConnectionException("The server did not finish a statement this client gave"
                        + " up on within " + grace.toMillis() + " ms (cancelGracePeriod), so the connection is taken"
                        + " for unresponsive (a network partition or a frozen server) and closed"));
            }
        }, grace.toNanos(), TimeUnit.NANOSECONDS);
    }

    // ---- closing -------------------------------------------------------------------------------------------------

    /** Called by the handler when the channel closed, for any reason. */
    void onChannelClosed() {
        if (closed) {
            return;
        }
        closed = true;
        if (out != null) {
            out.release();
            out = null;
        }
        Throwable cause = closeCause;
        PgConnectionClosedException failure = closedException();
        List<Command> pending = new ArrayList<>(inflight.size() + unwritten.size());
        pending.addAll(inflight);
        pending.addAll(unwritten);
        inflight.clear();
        unwritten.clear();
        for (Command command : pending) {
            if (command.timeoutTask != null) {
                command.timeoutTask.cancel(false);
            }
            command.fail(failure);
        }
        for (PgTerminationListener listener : terminationListeners) {
            try {
                listener.onTermination(this, cause);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a termination listener threw", e);
            }
        }
        notificationListeners.clear();
        List<CompletableFuture<Void>> waiters = new ArrayList<>(writabilityWaiters);
        writabilityWaiters.clear();
        for (CompletableFuture<Void> waiter : waiters) {
            waiter.completeExceptionally(failure);
        }
        closeFuture.complete(null);
    }

    /** Closes the connection because of an error (protocol violation, fatal server error, I/O failure). */
    void closeWithCause(Throwable cause) {
        if (closeCause == null) {
            closeCause = cause;
        }
        if (cause instanceof PgException) {
            Command head = inflight.peek();
            if (head != null && !head.isDone()) {
                head.fail(cause);
            }
        }
        channel.close();
    }

    private PgConnectionClosedException closedException() {
        Throwable cause = closeCause;
        String why;
        if (cause == null) {
            why = closing ? "it is closing or closed by this client" : "it is closed";
        } else if (cause instanceof PgServerException se) {
            why = "the server ended the session: " + se.getServerMessage() + " (SQLSTATE " + se.getSqlState() + ")";
        } else {
            why = "it was lost: " + cause.getMessage();
        }
        return new PgConnectionClosedException("The connection to " + cancelTargetDescription()
                + " cannot run this query because " + why + ". Open a new connection (a pool does this for you).",
                cause);
    }

    private String cancelTargetDescription() {
        return cancelTarget == null ? "the server" : cancelTarget.describe();
    }

    @Override
    public CompletableFuture<Void> close() {
        // in event-loop order: calls submitted before close() from the same thread still run
        if (loop.inEventLoop()) {
            beginClose();
        } else {
            loop.execute(this::beginClose);
        }
        return closeFuture.copy();
    }

    private void beginClose() {
        if (!closed && !closing) {
            closing = true;
            unwritten.add(new TerminateCommand());
            pump();
        }
    }

    @Override
    public CompletableFuture<Void> close(Duration timeout) {
        CompletableFuture<Void> result = close();
        if (!closed) {
            io.netty.util.concurrent.ScheduledFuture<?> force = loop.schedule(this::terminate, timeout.toNanos(),
                    TimeUnit.NANOSECONDS);
            closeFuture.whenComplete((r, e) -> force.cancel(false));
        }
        return result;
    }

    @Override
    public void terminate() {
        closing = true;
        if (loop.inEventLoop()) {
            terminateNow();
        } else {
            try {
                loop.execute(this::terminateNow);
            } catch (RejectedExecutionException e) {
                channel.close(); // the event loop is shutting down: no cancel, just the socket
            }
        }
    }

    /** The server does not see a closed socket while it runs a statement: ask it to cancel the one it runs. */
    private void terminateNow() {
        Command head = inflight.peek();
        if (head != null && !head.cancelSent && head.cancellable() && !closed && cancelTarget != null
                && secretKey != null) {
            head.cancelSent = true;
            sendCancel();
        }
        channel.close();
    }

    /** Writes Terminate once every earlier command has its replies, then closes the socket. */
    private final class TerminateCommand extends Command {
        private boolean done;

        @Override
        boolean write(PgConnectionImpl conn) {
            if (!inflight.isEmpty()) {
                return false;
            }
            FrontendMessages.terminate(out());
            ByteBuf buffer = out;
            out = null;
            done = true;
            channel.writeAndFlush(buffer).addListener(ChannelFutureListener.CLOSE);
            return true;
        }

        @Override
        void onMessage(byte type, ByteBuf body, PgConnectionImpl conn) {
            throw new PgProtocolException("The server replied to Terminate");
        }

        @Override
        void onReadyForQuery(PgConnectionImpl conn) {
            throw new PgProtocolException("The server replied to Terminate");
        }

        @Override
        boolean fail(Throwable cause) {
            done = true;
            return false;
        }

        @Override
        boolean isDone() {
            return done;
        }

        @Override
        boolean cancellable() {
            return false;
        }
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    Duration defaultTimeout() {
        return config.commandTimeout();
    }

    @Override
    public CompletableFuture<String> execute(String sql) {
        return executeSimple(sql, defaultTimeout());
    }

    CompletableFuture<String> executeSimple(String sql, Duration timeout) {
        SimpleQueryCommand command = new SimpleQueryCommand(sql, this);
        watchCancellation(command.future, command);
        submit(command, timeout);
        return command.future;
    }

    @Override
    public CompletableFuture<String> execute(String sql, Object... args) {
        return executeExtended(sql, args, defaultTimeout());
    }

    CompletableFuture<String> executeExtended(String sql, Object[] args, Duration timeout) {
        ExtendedQueryCommand<String> command = ExtendedQueryCommand.status(sql, args(args), this);
        return run(command, timeout);
    }

    @Override
    public CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists) {
        return executeMany(sql, argumentLists, defaultTimeout());
    }

    CompletableFuture<Long> executeMany(String sql, Iterable<? extends List<?>> argumentLists, Duration timeout) {
        List<Object[]> batches = new ArrayList<>();
        for (List<?> list : argumentLists) {
            batches.add(list.toArray());
        }
        if (batches.isEmpty()) {
            return CompletableFuture.completedFuture(0L);
        }
        return run(ExtendedQueryCommand.many(sql, batches, this), timeout);
    }

    @Override
    public CompletableFuture<List<Row>> fetch(String sql, Object... args) {
        return fetch(ROW_IDENTITY, sql, args, defaultTimeout());
    }

    @Override
    public <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object... args) {
        return fetch(mapper, sql, args, defaultTimeout());
    }

    <T> CompletableFuture<List<T>> fetch(RowMapper<T> mapper, String sql, Object[] args, Duration timeout) {
        return run(ExtendedQueryCommand.rows(sql, args(args), mapper, this), timeout);
    }

    @Override
    public CompletableFuture<Row> fetchRow(String sql, Object... args) {
        return fetchRow(ROW_IDENTITY, sql, args, defaultTimeout());
    }

    @Override
    public <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object... args) {
        return fetchRow(mapper, sql, args, defaultTimeout());
    }

    <T> CompletableFuture<T> fetchRow(RowMapper<T> mapper, String sql, Object[] args, Duration timeout) {
        return run(ExtendedQueryCommand.firstRow(sql, args(args), mapper, this), timeout);
    }

    @Override
    public CompletableFuture<Object> fetchVal(String sql, Object... args) {
        return fetchVal(sql, Object.class, args, defaultTimeout());
    }

    @Override
    public <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object... args) {
        return fetchVal(sql, type, args, defaultTimeout());
    }

    <T> CompletableFuture<T> fetchVal(String sql, Class<T> type, Object[] args, Duration timeout) {
        RowMapper<T> firstColumn = row -> row.size() == 0 ? null : row.get(0, type);
        return run(ExtendedQueryCommand.firstRow(sql, args(args), firstColumn, this), timeout);
    }

    private static final RowMapper<Row> ROW_IDENTITY = row -> row;

    private static Object[] args(Object[] args) {
        return args == null ? new Object[] {null} : args;
    }

    private <T> CompletableFuture<T> run(ExtendedQueryCommand<T> command, Duration timeout) {
        watchCancellation(command.future, command);
        submit(command, timeout);
        return command.future;
    }

    // ---- prepared statements, cursors ------------------------------------------------------------------------

    private final java.util.concurrent.atomic.AtomicLong nameCounter = new java.util.concurrent.atomic.AtomicLong();

    /** Prepares and describes a statement through the cache, without running it. */
    CompletableFuture<StatementCache.Entry> describe(String sql) {
        ExtendedQueryCommand<StatementCache.Entry> command = ExtendedQueryCommand.describe(sql, null, this);
        return run(command, defaultTimeout());
    }

    @Override
    public CompletableFuture<io.pgasync.PgPreparedStatement<Row>> prepare(String sql) {
        return prepare(sql, ROW_IDENTITY);
    }

    @Override
    public <T> CompletableFuture<io.pgasync.PgPreparedStatement<T>> prepare(String sql, RowMapper<T> mapper) {
        StatementCache.Entry explicit = new StatementCache.Entry(sql, "__pgasync_ps_" + nameCounter.incrementAndGet(),
                System.nanoTime());
        ExtendedQueryCommand<StatementCache.Entry> command = ExtendedQueryCommand.describe(sql, explicit, this);
        explicitStatements.add(explicit.name);
        return run(command, defaultTimeout()).handle((entry, error) -> {
            if (error != null) {
                explicitStatements.remove(explicit.name);
                throw error instanceof java.util.concurrent.CompletionException ce ? ce
                        : new java.util.concurrent.CompletionException(error);
            }
            return new PreparedStatementImpl<>(this, entry, mapper);
        });
    }

    <T> CompletableFuture<T> runStatement(StatementCache.Entry statement, String kind, Object[] args,
            List<Object[]> batches, RowMapper<?> mapper) {
        ExtendedQueryCommand<T> command = ExtendedQueryCommand.onStatement(statement, kind, args(args), batches,
                mapper, this);
        return run(command, defaultTimeout());
    }

    /** Explicit prepared statements that exist on the server: closed by reset(), which makes them unusable. */
    private final java.util.Set<String> explicitStatements = ConcurrentHashMap.newKeySet();

    CompletableFuture<Void> closeStatement(String name) {
        explicitStatements.remove(name);
        CloseStatementCommand close = new CloseStatementCommand(name);
        submit(close, null);
        return close.future;
    }

    @Override
    public java.util.concurrent.Flow.Publisher<Row> cursor(String sql, Object... args) {
        return cursor(50, sql, args);
    }

    @Override
    public java.util.concurrent.Flow.Publisher<Row> cursor(int prefetch, String sql, Object... args) {
        return new RowPublisher<>(this, sql, null, args, prefetch, ROW_IDENTITY);
    }

    @Override
    public CompletableFuture<io.pgasync.PgCursor<Row>> openCursor(String sql, Object... args) {
        Object[] values = args(args).clone();
        return describe(sql).thenCompose(statement -> {
            String portal = nextPortalName();
            PortalCommand<Void> open = new PortalCommand<>(PortalCommand.Kind.OPEN, this, statement, portal, values,
                    0, null);
            submit(open, defaultTimeout());
            return open.future.thenApply(v -> (io.pgasync.PgCursor<Row>) new CursorImpl<>(this, statement, portal,
                    ROW_IDENTITY));
        });
    }

    CompletableFuture<String> explain(String sql, boolean analyze, Object[] args) {
        String explainSql = "EXPLAIN (FORMAT JSON" + (analyze ? ", ANALYZE" : "") + ") " + sql;
        if (!analyze) {
            return fetchVal(explainSql, String.class, args(args), defaultTimeout());
        }
        PgTransaction tx = transaction();
        return tx.start().thenCompose(v -> fetchVal(explainSql, String.class, args(args), defaultTimeout())
                .handle((plan, error) -> tx.rollback().handle((r, rollbackError) -> {
                    if (error != null) {
                        throw error instanceof java.util.concurrent.CompletionException ce ? ce
                                : new java.util.concurrent.CompletionException(error);
                    }
                    return plan;
                })).thenCompose(f -> f));
    }

    // ---- COPY ---------------------------------------------------------------------------------------------------

    private final List<CompletableFuture<Void>> writabilityWaiters = new ArrayList<>();

    /** Completes when the channel can take more data; fails when the connection closes. Event loop only. */
    CompletableFuture<Void> whenWritable() {
        if (closed) {
            return CompletableFuture.failedFuture(closedException());
        }
        if (channel.isWritable()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        writabilityWaiters.add(waiter);
        return waiter;
    }

    void onWritabilityChanged() {
        if (channel.isWritable() && !writabilityWaiters.isEmpty()) {
            List<CompletableFuture<Void>> ready = new ArrayList<>(writabilityWaiters);
            writabilityWaiters.clear();
            for (CompletableFuture<Void> waiter : ready) {
                waiter.complete(null);
            }
        }
    }

    /** Asks the server to cancel a command that is running now (a COPY whose sink failed). */
    void requestCancel(Command command) {
        if (inflight.peek() == command && !command.cancelSent && cancelTarget != null && secretKey != null) {
            command.cancelSent = true;
            sendCancel();
            armCancelGrace(command);
        }
    }

    @Override
    public CompletableFuture<Long> copyFromTable(String table, io.pgasync.CopySink sink,
            io.pgasync.PgCopyOptions options) {
        String sql;
        try {
            sql = CopySql.toStdout(table, options == null ? io.pgasync.PgCopyOptions.defaults() : options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return copyOut(sql, sink);
    }

    @Override
    public CompletableFuture<Long> copyFromQuery(String query, io.pgasync.CopySink sink,
            io.pgasync.PgCopyOptions options, Object... args) {
        io.pgasync.PgCopyOptions o = options == null ? io.pgasync.PgCopyOptions.defaults() : options;
        if (args == null || args.length == 0) {
            return copyOut(CopySql.queryToStdout(query, o), sink);
        }
        Object[] values = args.clone();
        return describe(query).thenCompose(statement -> {
            QuoteLiteralsCommand quote = new QuoteLiteralsCommand(this, statement.parameterTypes, values);
            submit(quote, defaultTimeout());
            return quote.future;
        }).thenCompose(literals -> copyOut(CopySql.queryToStdout(SqlParameters.inline(query, literals), o), sink));
    }

    private CompletableFuture<Long> copyOut(String sql, io.pgasync.CopySink sink) {
        CopyOutCommand command = new CopyOutCommand(this, sql, java.util.Objects.requireNonNull(sink, "sink"));
        submit(command, null);
        return command.future;
    }

    @Override
    public CompletableFuture<Long> copyToTable(String table, io.pgasync.CopySource source,
            io.pgasync.PgCopyOptions options) {
        io.pgasync.PgCopyOptions o = options == null ? io.pgasync.PgCopyOptions.defaults() : options;
        CopyInCommand.Producer producer = switch (source.kind()) {
            case STREAM -> CopyProducers.stream(source::stream, false, "the input stream");
            case PATH -> CopyProducers.file(source.path());
            case PUBLISHER -> CopyProducers.publisher(source.publisher());
        };
        String sql;
        try {
            sql = CopySql.fromStdin(table, o, null, o.columns());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CopyInCommand command = new CopyInCommand(this, sql, producer);
        submit(command, null);
        return command.future;
    }

    @Override
    public CompletableFuture<Long> copyRecordsToTable(String table, Iterable<? extends List<?>> records,
            io.pgasync.PgCopyOptions options) {
        return copyRecords(table, options, (types, columns) -> CopyProducers.records(records,
                new CopyProducers.BinaryCopyEncoder(types, columns, this)));
    }

    @Override
    public CompletableFuture<Long> copyRecordsToTable(String table,
            java.util.concurrent.Flow.Publisher<? extends List<?>> records, io.pgasync.PgCopyOptions options) {
        return copyRecords(table, options, (types, columns) -> CopyProducers.records(records,
                new CopyProducers.BinaryCopyEncoder(types, columns, this)));
    }

    private CompletableFuture<Long> copyRecords(String table, io.pgasync.PgCopyOptions options,
            java.util.function.BiFunction<int[], List<String>, CopyInCommand.Producer> producer) {
        io.pgasync.PgCopyOptions o = options == null ? io.pgasync.PgCopyOptions.defaults() : options;
        String probe;
        try {
            StringBuilder select = new StringBuilder("SELECT ");
            if (o.columns().isEmpty()) {
                select.append('*');
            } else {
                for (int i = 0; i < o.columns().size(); i++) {
                    select.append(i > 0 ? ", " : "").append(Identifiers.quoteIdentifier(o.columns().get(i)));
                }
            }
            probe = select.append(" FROM ").append(Identifiers.qualified(o.schema(), table)).append(" LIMIT 0")
                    .toString();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return describe(probe).thenCompose(statement -> {
            RowDescription d = statement.rowDescription;
            int[] types = new int[d.size()];
            List<String> columns = new ArrayList<>(d.size());
            for (int i = 0; i < d.size(); i++) {
                types[i] = d.columns.get(i).typeOid();
                columns.add(d.columns.get(i).name());
            }
            String sql = CopySql.fromStdin(table, o, io.pgasync.PgCopyOptions.Format.BINARY, columns);
            CopyInCommand command = new CopyInCommand(this, sql, producer.apply(types, columns));
            submit(command, null);
            return command.future;
        });
    }

    String nextPortalName() {
        return "__pgasync_portal_" + nameCounter.incrementAndGet();
    }

    boolean inflightIsEmpty() {
        return inflight.isEmpty();
    }

    /** Routes replies to a command that writes no Sync yet (a portal read with Flush); its final Sync pops it. */
    void expectReplies(Command command) {
        inflight.add(command);
        command.pendingSyncs++;
    }

    void removeUnwritten(Command command) {
        unwritten.remove(command);
    }

    static Throwable unwrapFailure(CompletableFuture<?> failed) {
        try {
            failed.join();
            return new IllegalStateException("not failed");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (CancellationException e) {
            return e;
        }
    }

    @Override
    public PgClient withTimeout(Duration timeout) {
        return new TimeoutView(this, timeout);
    }

    // ---- query loggers ------------------------------------------------------------------------------------------

    record QueryLoggerRegistration(PgQueryLogger logger, boolean withArguments) {}

    boolean hasQueryLoggers() {
        return !queryLoggers.isEmpty();
    }

    /** Tells the query loggers a command was submitted, on the submitting thread. */
    private void queryStarted(Command command) {
        Object[] starts = new Object[queryLoggers.size() * 2];
        int n = 0;
        for (QueryLoggerRegistration registration : queryLoggers) {
            if (n == starts.length) {
                break; // one was added meanwhile: it hears of the end only
            }
            Object start = null;
            try {
                start = registration.logger().started(this, command.sql());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a query logger threw", e);
            }
            starts[n++] = registration;
            starts[n++] = start;
        }
        command.loggerStarts = n == starts.length ? starts : Arrays.copyOf(starts, n);
    }

    /**
     * Tells the query loggers a command ended, once: those told of its start, with what they returned then, or
     * else the current ones.
     */
    void queryFinished(Command command, Object[] args, String status, Throwable error) {
        if (command.loggedFinish) {
            return;
        }
        command.loggedFinish = true;
        Object[] starts = command.loggerStarts;
        command.loggerStarts = null;
        if (starts == null && queryLoggers.isEmpty()) {
            return;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - command.submittedAt);
        List<Object> arguments = args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args));
        if (starts != null) {
            for (int i = 0; i < starts.length; i += 2) {
                finished((QueryLoggerRegistration) starts[i], starts[i + 1], command, arguments, elapsed, status,
                        error);
            }
        } else {
            for (QueryLoggerRegistration registration : queryLoggers) {
                finished(registration, null, command, arguments, elapsed, status, error);
            }
        }
    }

    private void finished(QueryLoggerRegistration registration, Object start, Command command,
            List<Object> arguments, Duration elapsed, String status, Throwable error) {
        try {
            registration.logger().finished(start, new PgQueryEvent(this, command.sql(),
                    registration.withArguments() ? arguments : null, elapsed, status, error));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a query logger threw", e);
        }
    }

    /** Whether the query loggers still expect to hear of this command's end. */
    boolean awaitsQueryLoggers(Command command) {
        return !command.loggedFinish && (command.loggerStarts != null || !queryLoggers.isEmpty());
    }

    @Override
    public void addQueryLogger(PgQueryLogger logger) {
        addQueryLogger(logger, false);
    }

    @Override
    public void addQueryLogger(PgQueryLogger logger, boolean withArguments) {
        queryLoggers.add(new QueryLoggerRegistration(logger, withArguments));
    }

    @Override
    public void removeQueryLogger(PgQueryLogger logger) {
        queryLoggers.removeIf(r -> r.logger() == logger);
    }

    @Override
    public void addLogListener(PgLogListener listener) {
        logListeners.add(listener);
    }

    @Override
    public void removeLogListener(PgLogListener listener) {
        logListeners.remove(listener);
    }

    @Override
    public void addTerminationListener(PgTerminationListener listener) {
        terminationListeners.add(listener);
    }

    @Override
    public void removeTerminationListener(PgTerminationListener listener) {
        terminationListeners.remove(listener);
    }

    // ---- transactions ---------------------------------------------------------------------------------------------

    @Override
    public PgTransaction transaction() {
        return transaction(null, false, false);
    }

    @Override
    public PgTransaction transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable) {
        return new TransactionImpl(this, isolation, readOnly, deferrable);
    }

    @Override
    public <T> CompletableFuture<T> transaction(Function<? super PgConnection, ? extends CompletionStage<T>> work) {
        return transaction(null, false, false, work);
    }

    @Override
    public <T> CompletableFuture<T> transaction(IsolationLevel isolation, boolean readOnly, boolean deferrable,
            Function<? super PgConnection, ? extends CompletionStage<T>> work) {
        return new TransactionImpl(this, isolation, readOnly, deferrable).run(work);
    }

    synchronized String nextSavepointName() {
        return "pgasync_savepoint_" + (++savepointCounter);
    }

    // ---- types ---------------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> reloadSchemaState() {
        SchemaReloadCommand command = new SchemaReloadCommand();
        submit(command, null);
        return command.future;
    }

    @Override
    public CompletableFuture<Void> setTypeCodec(String typeName, String schema, Codec<?> codec) {
        if (codec == null) {
            return CompletableFuture.failedFuture(new NullPointerException("codec"));
        }
        return lookupType(typeName, schema).thenAccept(type -> codecs.setCodec(type[0], type[1], codec));
    }

    @Override
    public <T> CompletableFuture<Void> setTypeCodec(String typeName, String schema, Class<T> javaType,
            Function<? super T, ?> encoder, Function<Object, ? extends T> decoder, PgCodecFormat format) {
        if (javaType == null || encoder == null || decoder == null || format == null) {
            return CompletableFuture.failedFuture(new NullPointerException(
                    "javaType, encoder, decoder and format are required"));
        }
        return lookupType(typeName, schema).thenCompose(type -> {
            if (format != PgCodecFormat.TUPLE) {
                codecs.setCodec(type[0], type[1], new FunctionCodec<>(typeName, javaType, encoder, decoder, format,
                        null));
                return CompletableFuture.<Void>completedFuture(null);
            }
            return ensureIntrospected(type[0]).thenAccept(ignored -> {
                Codec<?> inner = codecs.defaultCodec(type[0]);
                if (inner == null) {
                    throw new PgClientException("The type " + typeName + " has no codec for the tuple format to"
                            + " wrap; use the text or binary format");
                }
                codecs.setCodec(type[0], type[1], new FunctionCodec<>(typeName, javaType, encoder, decoder, format,
                        inner));
            });
        });
    }

    @Override
    public CompletableFuture<Void> setBuiltinTypeCodec(String typeName, String schema, String codecName) {
        Codec<?> codec = codecName == null ? null : codecs.builtinCodecNamed(codecName);
        if (codec == null) {
            return CompletableFuture.failedFuture(new PgClientException("There is no built-in codec named "
                    + codecName + "; use a built-in type name such as int4, text, jsonb or hstore"));
        }
        return lookupType(typeName, schema).thenAccept(type -> codecs.setCodec(type[0], type[1], codec));
    }

    @Override
    public CompletableFuture<Void> resetTypeCodec(String typeName, String schema) {
        return lookupType(typeName, schema).thenAccept(type -> codecs.resetCodec(type[0], type[1]));
    }

    /** The OID and array type OID of a type by name: {schema.name}, or through the search path when schema is null. */
    private CompletableFuture<int[]> lookupType(String typeName, String schema) {
        if (typeName == null || typeName.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a type name is required"));
        }
        CompletableFuture<Row> row = schema == null
                ? fetchRow("SELECT t.oid, t.typarray FROM pg_catalog.pg_type t"
                        + " WHERE t.oid = pg_catalog.to_regtype($1)", typeName)
                : fetchRow("SELECT t.oid, t.typarray FROM pg_catalog.pg_type t"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE t.typname = $1 AND n.nspname = $2", typeName, schema);
        return row.thenApply(r -> {
            if (r == null) {
                throw new PgClientException("There is no type " + (schema == null ? typeName + " in the search path"
                        : schema + "." + typeName) + " in this database");
            }
            return new int[] {(int) (long) r.getLong(0), (int) (long) r.getLong(1)};
        });
    }

    private CompletableFuture<Void> ensureIntrospected(int oid) {
        int[] unknown = codecs.unknownTypes(new int[] {oid}, null);
        if (unknown == null) {
            return CompletableFuture.completedFuture(null);
        }
        IntrospectionCommand lookup = new IntrospectionCommand(unknown, null);
        submit(lookup, defaultTimeout());
        return lookup.future;
    }

    // ---- state -------------------------------------------------------------------------------------------------

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isInTransaction() {
        return transactionStatus != 'I';
    }

    @Override
    public PgHost getHost() {
        return cancelTarget != null ? cancelTarget.host() : options.hosts().get(0);
    }

    @Override
    public int getServerPid() {
        return processId;
    }

    @Override
    public ServerVersion getServerVersion() {
        return serverVersion;
    }

    @Override
    public Map<String, String> getSettings() {
        return Map.copyOf(settings);
    }

    @Override
    public PgConnectOptions getOptions() {
        return options;
    }

    @Override
    public CompletableFuture<Void> reset() {
        notificationListeners.clear();
        logListeners.clear();
        generation++;
        for (String name : List.copyOf(explicitStatements)) {
            closeStatement(name); // pipelined ahead of the reset query; nothing waits for them
        }
        String query = getResetQuery();
        if (isInTransaction() || topTransaction != null) {
            topTransaction = null;
            query = "ROLLBACK;\n" + query;
        }
        return executeSimple(query, defaultTimeout()).thenApply(status -> null);
    }

    /**
     * The event loop this connection's I/O runs on (for the pool's timers about this connection).
     *
     * @return the event loop
     */
    public EventLoop eventLoop() {
        return loop;
    }

    /**
     * For the pool, which may then pipeline the reset ahead of the next holder's commands: true on the event loop
     * when nothing is queued or in flight and no transaction is open (a reset that must roll back would leave
     * {@link #isInTransaction()} stale for the next holder). A CancelRequest still on its way needs no check here:
     * the connection holds back every unsent command, the reset too, until the server has taken it.
     */
    public boolean isQuiet() {
        return loop.inEventLoop() && unwritten.isEmpty() && inflight.isEmpty() && transactionStatus == 'I'
                && topTransaction == null && !closing && !closed;
    }

    @Override
    public String getResetQuery() {
        return "SELECT pg_advisory_unlock_all();\nCLOSE ALL;\nUNLISTEN *;\nRESET ALL;";
    }

    /** Completes when the connection has closed. */
    CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public String toString() {
        return "PgConnection[" + cancelTargetDescription() + ", pid " + processId + (closed ? ", closed" : "") + "]";
    }
}
