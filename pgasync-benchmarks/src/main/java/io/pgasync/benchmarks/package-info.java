/**
 * The side-by-side load harness: pgasync against the peer PostgreSQL clients on the same server in one run.
 */
package io.pgasync.benchmarks;
