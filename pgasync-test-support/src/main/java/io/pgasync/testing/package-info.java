/**
 * The pgasync test harness: a throwaway PostgreSQL cluster per test JVM ({@link io.pgasync.testing.PgTestServer}),
 * the JUnit extension that injects it ({@link io.pgasync.testing.PgTest}), and conditions for tests that need
 * the harness's own cluster or a minimum server version.
 */
package io.pgasync.testing;
