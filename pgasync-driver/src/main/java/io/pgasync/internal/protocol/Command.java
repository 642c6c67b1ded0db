package io.pgasync.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One caller's operation on a connection, driven by the connection on its event loop.
 *
 * <p>A command writes its messages in one or more groups, each ending with Sync; for each Sync the connection
 * routes the following backend messages to the command until ReadyForQuery. A command that must see the reply
 * to one group before it can write the next (a statement that is prepared and described first) returns
 * {@code false} from {@link #write}: the connection writes nothing after it until it is called again, so
 * commands always execute in the order callers submitted them.
 *
 * <p>Commands never hold a {@code ByteBuf} while queued: they encode into the connection's output buffer only
 * when written.
 */
abstract class Command {

    /** Set once the caller has given up (timeout, cancellation): replies are drained and dropped. */
    boolean abandoned;
    /** How many Sync groups this command has written and not yet seen the ReadyForQuery of. */
    int pendingSyncs;
    /** Whether this command has written any message. */
    boolean started;
    /** When the command was submitted (System.nanoTime). */
    long submittedAt;
    /**
     * The query loggers told of this command's start, each followed by what its {@code started} returned; null when
     * there were none. Only for commands that report to query loggers.
     */
    Object[] loggerStarts;
    /** Whether the query loggers were told this command finished (at most once). */
    boolean loggedFinish;
    /** The timeout task, if any. */
    ScheduledFuture<?> timeoutTask;
    /** Whether a CancelRequest was sent for this command. */
    boolean cancelSent;
    /**
     * Whether this command was already sent when a CancelRequest for the command ahead of it went out: the request
     * may arrive after that command ended and cancel this one instead.
     */
    boolean exposedToCancel;
    /** Whether the connection watches for the server's answer to this abandoned command (cancelGracePeriod). */
    boolean graceArmed;

    /**
     * Writes the next group(s) of messages.
     *
     * @param conn the connection (its output buffer, statement cache, codecs)
     * @return true when everything is written; false when the command waits for a reply before writing more
     */
    abstract boolean write(PgConnectionImpl conn);

    /**
     * Handles one backend message of this command's current Sync group.
     *
     * @param type the message type byte
     * @param body the message body (after type and length); valid only during the call
     * @param conn the connection
     */
    abstract void onMessage(byte type, ByteBuf body, PgConnectionImpl conn);

    /**
     * Handles the ReadyForQuery that ends one of this command's Sync groups.
     *
     * @param conn the connection ({@link PgConnectionImpl#transactionStatus()} is already updated)
     */
    abstract void onReadyForQuery(PgConnectionImpl conn);

    /**
     * Fails the caller's future (the connection is lost, or the command timed out or was cancelled).
     *
     * @param cause the failure
     * @return true when this call completed the future
     */
    abstract boolean fail(Throwable cause);

    /**
     * Whether the caller's future is already complete.
     *
     * @return true when done
     */
    abstract boolean isDone();

    /**
     * Whether the command, while it runs on the server, is worth a CancelRequest when abandoned (queries are;
     * Close or transaction control are not).
     *
     * @return true for cancellable work
     */
    boolean cancellable() {
        return true;
    }

    /**
     * The SQL for logs and query loggers, or null.
     *
     * @return the SQL
     */
    /** Whether this command reports to the connection's query loggers (the application's queries do). */
    boolean reportsToQueryLoggers() {
        return false;
    }

    String sql() {
        return null;
    }
}
