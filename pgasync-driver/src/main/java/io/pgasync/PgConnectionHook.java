package io.pgasync;

import java.util.concurrent.CompletionStage;

/**
 * Work a pool runs on one of its connections at a point of its life cycle: {@code init} on each new connection,
 * {@code setup} before each hand-out, {@code reset} on each release (see {@link PoolOptions.Builder}). The pool waits
 * for the returned stage (bounded by a timeout); a hook that throws or whose stage fails makes the pool close that
 * connection.
 *
 * <p>The hook gets the pool's own connection: use it only until the returned stage completes, and never close it
 * (the pool does that).
 */
@FunctionalInterface
public interface PgConnectionHook {

    /**
     * Runs the hook.
     *
     * @param connection the connection
     * @return completes when the hook is done; a failure makes the pool close the connection
     */
    CompletionStage<?> apply(PgConnection connection);
}
