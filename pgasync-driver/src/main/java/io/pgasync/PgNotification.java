package io.pgasync;

/**
 * A notification sent with {@code NOTIFY channel, 'payload'} (or {@code pg_notify}).
 *
 * @param processId the server process ID of the session that sent it
 * @param channel the channel name
 * @param payload the payload ({@code ""} when none was given)
 */
public record PgNotification(int processId, String channel, String payload) {}
