package io.pgasync.spring.boot.autoconfigure.transaction;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.springframework.util.ClassUtils;

/**
 * Waits for the driver's futures on behalf of the thread-bound transaction manager, and refuses to do so on an
 * event-loop thread (a Netty I/O thread, including the driver's own, or a Reactor non-blocking thread), where
 * waiting would stall every connection that thread serves.
 */
final class Blocking {

    private static final boolean NETTY = ClassUtils.isPresent("io.netty.util.concurrent.FastThreadLocalThread",
            Blocking.class.getClassLoader());
    private static final boolean REACTOR = ClassUtils.isPresent("reactor.core.scheduler.Schedulers",
            Blocking.class.getClassLoader());

    private Blocking() {
    }

    static void checkNotEventLoop(String what) {
        if (isNonBlockingThread()) {
            throw new IllegalStateException(what + " would block the event-loop thread '"
                    + Thread.currentThread().getName() + "'. The thread-bound PgTransactionManager waits for the"
                    + " database; in reactive code use PgReactiveTransactionManager (TransactionalOperator or"
                    + " @Transactional on a method returning Mono/Flux), or move the blocking work to another"
                    + " thread (e.g. Schedulers.boundedElastic()).");
        }
    }

    static boolean isNonBlockingThread() {
        if (NETTY && Thread.currentThread() instanceof io.netty.util.concurrent.FastThreadLocalThread) {
            return true;
        }
        return REACTOR && reactor.core.scheduler.Schedulers.isInNonBlockingThread();
    }

    static <T> T await(CompletionStage<T> stage) throws Throwable {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw PgExceptionTranslator.unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stage.toCompletableFuture().cancel(true);
            throw e;
        }
    }
}
