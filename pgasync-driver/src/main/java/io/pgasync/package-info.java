/**
 * pgasync: an asynchronous PostgreSQL driver for the JVM, built on Netty.
 */
package io.pgasync;
