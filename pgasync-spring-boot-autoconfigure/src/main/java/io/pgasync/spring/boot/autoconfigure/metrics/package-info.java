/** Micrometer meters for pgasync pools and queries. */
package io.pgasync.spring.boot.autoconfigure.metrics;
