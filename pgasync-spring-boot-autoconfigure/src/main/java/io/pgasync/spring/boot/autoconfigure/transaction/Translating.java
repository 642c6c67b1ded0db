package io.pgasync.spring.boot.autoconfigure.transaction;

import java.util.concurrent.CompletableFuture;

/**
 * Futures whose driver failures are translated by {@link PgExceptionTranslator} (other failures pass unchanged), and
 * whose cancellation still reaches the driver's future (cancelling it cancels the query on the server).
 */
final class Translating {

    private Translating() {
    }

    static <T> CompletableFuture<T> translate(CompletableFuture<T> source, PgExceptionTranslator translator) {
        CompletableFuture<T> result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                source.cancel(mayInterruptIfRunning);
                return super.cancel(mayInterruptIfRunning);
            }
        };
        source.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            } else {
                Throwable cause = PgExceptionTranslator.unwrap(error);
                result.completeExceptionally(cause instanceof io.pgasync.exception.PgException
                        ? translator.translate(null, cause) : cause);
            }
        });
        return result;
    }
}
