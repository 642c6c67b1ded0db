package io.pgasync.internal.pool;

/** Where a pooled connection is in its life; every entry is in exactly one state, changed under the pool's lock. */
enum EntryState {
    /** In the idle deque, ready to be handed out. */
    IDLE,
    /** Taken for a waiter: being checked, validated or set up before the hand-out. */
    PREPARING,
    /** Lent to a caller. */
    LEASED,
    /** Released by its caller: being reset (a custom hook) or checked before it goes back to idle. */
    RETURNING,
    /** Taken from idle by the housekeeper: for a keep-alive ping, or to be retired. */
    HOUSEKEEPING,
    /** Closed, or being closed, and no longer counted. */
    CLOSED
}
