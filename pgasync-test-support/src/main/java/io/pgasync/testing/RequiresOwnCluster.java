package io.pgasync.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Skips the annotated test class or method, saying why, when the server is not the harness's own cluster
 * (for example with {@code PGASYNC_TEST_URL}): tests that restart the server, use the per-method roles, TLS files
 * or the unix socket.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresOwnCluster {

    /**
     * Why the test needs the own cluster, shown when it is skipped.
     *
     * @return the reason
     */
    String value() default "";
}
