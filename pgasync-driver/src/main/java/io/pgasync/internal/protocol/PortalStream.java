package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.pgasync.RowMapper;
import io.pgasync.exception.PgClientException;
import io.pgasync.exception.PgProtocolException;
import io.pgasync.exception.PgServerException;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;

/**
 * One subscription of a streaming query ({@code cursor(...)}): a portal read {@code prefetch} rows at a time, the
 * next batch asked for only when the subscriber's demand needs it, so memory stays bounded by one batch whatever the
 * result's size.
 *
 * <p>It waits until the connection has no reply pending (so it knows whether a transaction is open), then:
 * <ul>
 *   <li>outside a transaction: Bind of the unnamed portal, then Execute(prefetch) + Flush per batch, and Sync only at
 *       the end (or on cancel or error). The implicit transaction keeps the portal alive; the connection writes
 *       nothing else meanwhile (this command is a barrier until its Sync).</li>
 *   <li>inside a transaction: a named portal, Execute(prefetch) + Sync per batch, so other calls can run between
 *       batches; Close of the portal at the end or on cancel.</li>
 * </ul>
 * Subscriber signals are delivered on the connection's event loop, never concurrently, and re-entrant requests are
 * trampolined.
 *
 * @param <R> the mapped row type
 */
final class PortalStream<R> extends Command implements Flow.Subscription {

    private enum Phase { WAITING, STREAMING, CLOSING, DONE }

    private final PgConnectionImpl conn;
    private final StatementCache.Entry statement;
    private final Object[] args;
    private final int prefetch;
    private final RowMapper<R> mapper;
    private final Flow.Subscriber<? super R> subscriber;

    private Phase phase = Phase.WAITING;
    private boolean inTransaction;
    private String portal;
    private long demand;
    private final ArrayDeque<R> buffer = new ArrayDeque<>();
    private boolean batchInFlight;
    private boolean serverDone;
    private boolean cancelled;
    private boolean finished;
    private boolean draining;
    private boolean syncWritten;
    private Throwable error;

    PortalStream(PgConnectionImpl conn, StatementCache.Entry statement, Object[] args, int prefetch,
            RowMapper<R> mapper, Flow.Subscriber<? super R> subscriber) {
        this.conn = conn;
        this.statement = statement;
        this.args = args;
        this.prefetch = prefetch;
        this.mapper = mapper;
        this.subscriber = subscriber;
    }

    // ---- Subscription (any thread) ------------------------------------------------------------------------------

    @Override
    public void request(long n) {
        if (n <= 0) {
            runOnLoop(() -> {
                cancelled = true;
                terminate(new IllegalArgumentException("Flow rule 3.9: request(" + n + ") must be positive"));
                closePortalIfIdle();
            });
            return;
        }
        runOnLoop(() -> {
            long d = demand + n;
            demand = d < 0 ? Long.MAX_VALUE : d;
            drain();
            fetchMoreIfNeeded();
        });
    }

    @Override
    public void cancel() {
        runOnLoop(() -> {
            if (finished) {
                return;
            }
            cancelled = true;
            finished = true;
            buffer.clear();
            if (phase == Phase.WAITING) {
                phase = Phase.DONE;
                conn.removeUnwritten(this); // never started: nothing to close
                return;
            }
            closePortalIfIdle();
        });
    }

    private void runOnLoop(Runnable task) {
        if (conn.loop.inEventLoop()) {
            task.run();
        } else {
            conn.loop.execute(task);
        }
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    @Override
    boolean write(PgConnectionImpl c) {
        if (phase == Phase.DONE || (cancelled && phase == Phase.WAITING)) {
            return true;
        }
        if (phase == Phase.WAITING) {
            if (!conn.inflightIsEmpty()) {
                return false; // wait: the transaction status must be known, and the portal ours alone
            }
            inTransaction = conn.transactionStatus() != 'I';
            portal = inTransaction ? conn.nextPortalName() : "";
            ByteBuf out = conn.out();
            int mark = out.writerIndex();
            try {
                BindWriter.checkArgumentCount(statement.parameterTypes.length, args.length);
                if (statement.name.isEmpty()) {
                    FrontendMessages.parse(out, "", statement.sql, statement.parameterTypes);
                }
                BindWriter.write(out, portal, statement.name, statement.parameterTypes, args,
                        statement.rowDescription, conn);
                FrontendMessages.execute(out, portal, prefetch);
            } catch (RuntimeException e) {
                out.writerIndex(mark);
                phase = Phase.DONE;
                terminate(e);
                return true;
            }
            batchInFlight = true;
            phase = Phase.STREAMING;
            if (inTransaction) {
                FrontendMessages.sync(out);
                conn.syncWritten(this);
                return true;
            }
            FrontendMessages.flush(out);
            conn.expectReplies(this); // replies come before any Sync: route them here until ours
            return false;
        }
        // outside a transaction: stay the barrier until the final Sync is written
        return inTransaction || syncWritten;
    }

    private void fetchMoreIfNeeded() {
        if (phase != Phase.STREAMING || batchInFlight || serverDone || cancelled || finished || error != null) {
            return;
        }
        if (demand > buffer.size()) {
            ByteBuf out = conn.out();
            FrontendMessages.execute(out, portal, prefetch);
            if (inTransaction) {
                FrontendMessages.sync(out);
                conn.syncWritten(this);
            } else {
                FrontendMessages.flush(out);
            }
            batchInFlight = true;
            conn.pump();
        }
    }

    /** Ends the portal once no batch is in flight: Sync outside a transaction, Close + Sync inside one. */
    private void closePortalIfIdle() {
        if (phase != Phase.STREAMING || batchInFlight) {
            return; // the batch's end will come back here
        }
        phase = Phase.CLOSING;
        ByteBuf out = conn.out();
        if (inTransaction) {
            FrontendMessages.closePortal(out, portal);
            FrontendMessages.sync(out);
            conn.syncWritten(this);
        } else {
            FrontendMessages.sync(out);
            syncWritten = true;
        }
        conn.pump();
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    @Override
    void onMessage(byte type, ByteBuf body, PgConnectionImpl c) {
        switch (type) {
            case 'D' -> onRow(body);
            case 's' -> {
                batchInFlight = false;
                if (!inTransaction) {
                    afterBatch();
                }
            }
            case 'C' -> {
                batchInFlight = false;
                serverDone = true;
                if (!inTransaction) {
                    closePortalIfIdle();
                }
            }
            case 'E' -> {
                PgServerException e = conn.readServerError(body);
                if (error == null) {
                    error = e;
                }
                batchInFlight = false;
                if (!inTransaction && phase == Phase.STREAMING) {
                    closePortalIfIdle(); // the server skips everything up to a Sync
                }
            }
            case '1', '2', '3', 'n', 'I' -> {
                // ParseComplete, BindComplete, CloseComplete, NoData, EmptyQueryResponse
            }
            default -> throw new PgProtocolException("The server sent an unexpected message of type '"
                    + PgFrameDecoder.printable(type) + "' while streaming rows");
        }
    }

    private void onRow(ByteBuf body) {
        if (cancelled || error != null || finished) {
            return;
        }
        RowImpl row;
        try {
            row = new RowImpl(statement.rowDescription, RowDecoder.decode(body, statement.rowDescription, conn));
        } catch (PgProtocolException e) {
            throw e;
        } catch (PgClientException e) {
            error = e;
            return;
        }
        R mapped;
        try {
            mapped = mapper.map(row);
        } catch (RuntimeException e) {
            error = e;
            return;
        }
        buffer.add(mapped);
        drain();
    }

    @Override
    void onReadyForQuery(PgConnectionImpl c) {
        if (!inTransaction || phase == Phase.CLOSING) {
            phase = Phase.DONE;
            finishStream();
            return;
        }
        // inside a transaction: the end of one batch group
        if (error != null) {
            phase = Phase.DONE; // the error aborted the transaction: the portal is gone
            finishStream();
        } else if (serverDone || cancelled) {
            closePortalIfIdle();
        } else {
            afterBatch();
        }
    }

    private void afterBatch() {
        if (error != null && !inTransaction) {
            closePortalIfIdle();
            return;
        }
        drain();
        if (cancelled) {
            closePortalIfIdle();
        } else {
            fetchMoreIfNeeded();
        }
    }

    private void finishStream() {
        if (error != null) {
            buffer.clear();
            terminate(error);
        } else {
            drain(); // completes once the buffered rows are delivered
        }
    }

    /** Delivers buffered rows while there is demand; signals completion once everything is delivered. */
    private void drain() {
        if (draining || finished) {
            return;
        }
        draining = true;
        try {
            while (demand > 0 && !buffer.isEmpty() && !finished) {
                demand--;
                R next = buffer.poll();
                try {
                    subscriber.onNext(next);
                } catch (RuntimeException e) {
                    cancelled = true;
                    buffer.clear();
                    terminate(e);
                    closePortalIfIdle();
                    return;
                }
            }
            if (buffer.isEmpty() && phase == Phase.DONE && error == null && !finished) {
                finished = true;
                subscriber.onComplete();
            }
        } finally {
            draining = false;
        }
    }

    private void terminate(Throwable cause) {
        if (finished) {
            return;
        }
        finished = true;
        subscriber.onError(cause);
    }

    @Override
    boolean fail(Throwable cause) {
        phase = Phase.DONE;
        if (finished) {
            return false;
        }
        buffer.clear();
        terminate(error != null ? error : cause);
        return true;
    }

    @Override
    boolean isDone() {
        return finished && phase == Phase.DONE;
    }

    @Override
    boolean cancellable() {
        return false;
    }

    @Override
    String sql() {
        return statement.sql;
    }
}
