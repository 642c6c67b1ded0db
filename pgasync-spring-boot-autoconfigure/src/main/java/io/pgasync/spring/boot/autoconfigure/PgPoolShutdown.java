package io.pgasync.spring.boot.autoconfigure;

import io.pgasync.PgPool;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;

/**
 * Closes every {@link PgPool} bean gracefully when the context destroys it, and waits for it: new acquires fail,
 * connections in use are closed when released, and whatever is still open after the shutdown timeout is terminated.
 * Beans are destroyed after Spring's lifecycle phases have stopped (the web server's graceful shutdown included), so
 * requests still being served when shutdown starts finish with a working pool.
 */
final class PgPoolShutdown implements DestructionAwareBeanPostProcessor {

    private static final Log logger = LogFactory.getLog(PgPoolShutdown.class);

    private final Duration timeout;

    PgPoolShutdown(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof PgPool;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        if (!(bean instanceof PgPool pool) || pool.isClosed()) {
            return;
        }
        try {
            pool.close(timeout).get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.terminate();
        } catch (Exception e) {
            logger.warn("Pool '" + beanName + "' did not close cleanly; terminating it: " + e);
            pool.terminate();
        }
    }
}
