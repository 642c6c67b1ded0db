/** The embedded PostgreSQL started when no connection is configured. */
package io.pgasync.spring.boot.autoconfigure.embedded;
