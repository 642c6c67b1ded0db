/** Testcontainers service connections for pgasync ({@code @ServiceConnection} on a {@code PostgreSQLContainer}). */
package io.pgasync.spring.boot.autoconfigure.testcontainers;
