/** Netty buffer leak detection that fails the test that leaked. */
package io.pgasync.testing.leak;
