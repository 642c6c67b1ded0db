package io.pgasync;

import java.time.Instant;

/**
 * A pool's listening connection was lost and has been re-established: notifications sent between
 * {@link #lostAt()} and {@link #resubscribedAt()} may have been missed, so an application that keeps state from
 * notifications should resynchronise (re-read what it caches).
 *
 * @param channel the channel that was listened to again
 * @param lostAt when the connection was lost
 * @param resubscribedAt when LISTEN was in effect again
 * @param cause why the connection was lost
 */
public record PgNotificationGap(String channel, Instant lostAt, Instant resubscribedAt, Throwable cause) {}
