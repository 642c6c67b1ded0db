package io.pgasync;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A server-side cursor inside a transaction (asyncpg's {@code Cursor}): rows are fetched in chunks the caller
 * chooses, and the cursor can skip ahead. Obtain it with {@link PgConnection#openCursor(String, Object...)} while a
 * transaction is active; it ends with the transaction, or with {@link #close()}.
 *
 * @param <R> the type rows are mapped to
 */
public interface PgCursor<R> {

    /**
     * Fetches the next rows.
     *
     * @param n how many rows at most
     * @return the rows (fewer than {@code n}, possibly none, at the end)
     */
    CompletableFuture<List<R>> fetch(int n);

    /**
     * Fetches the next row.
     *
     * @return the row, or null at the end
     */
    CompletableFuture<R> fetchRow();

    /**
     * Skips rows ({@code MOVE FORWARD n}).
     *
     * @param n how many rows to skip
     * @return how many rows were actually skipped
     */
    CompletableFuture<Long> forward(int n);

    /**
     * Closes the cursor on the server.
     *
     * @return completes when closed
     */
    CompletableFuture<Void> close();
}
