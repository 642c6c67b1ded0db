package io.pgasync.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that talks to the test server: its test methods, constructors and lifecycle methods may take
 * a {@link PgTestServer} parameter, and {@link RequiresOwnCluster} / {@link MinServerVersion} are honoured.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(PgServerExtension.class)
public @interface PgTest {}
