/**
 * Observability SPI without third-party dependencies: {@link io.pgasync.observability.PgPoolListener} hears what a
 * pool does (acquires, releases, creations, closes, timeouts, suspected leaks) and
 * {@link io.pgasync.observability.PgPoolStats} is a snapshot of its figures. Metrics libraries (the Spring Boot
 * module's Micrometer binding, for one) are built on these.
 */
package io.pgasync.observability;
