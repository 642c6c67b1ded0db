/** Certificates and keys minted per test run. */
package io.pgasync.testing.tls;
