/**
 * Authentication primitives with no I/O, driven by the protocol engine: the SCRAM-SHA-256(-PLUS) client state
 * machine, SASLprep, the MD5 password response and {@code tls-server-end-point} channel binding data.
 */
package io.pgasync.internal.auth;
