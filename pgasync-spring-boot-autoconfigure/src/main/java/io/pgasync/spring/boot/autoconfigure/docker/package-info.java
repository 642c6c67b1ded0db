/** Docker Compose service connections for pgasync (a {@code postgres} service). */
package io.pgasync.spring.boot.autoconfigure.docker;
