package io.pgasync.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Skips the annotated test class or method when the server's major version is lower than {@link #value()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MinServerVersion {

    /**
     * The lowest PostgreSQL major version the test applies to, e.g. {@code 17}.
     *
     * @return the major version
     */
    int value();
}
