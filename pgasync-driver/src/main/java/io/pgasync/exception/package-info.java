/**
 * The exceptions pgasync reports: {@link io.pgasync.exception.PgException} at the root, client-side errors
 * under {@link io.pgasync.exception.PgClientException}, server errors under
 * {@link io.pgasync.exception.PgServerException} with a class per SQLSTATE class (generated from PostgreSQL's
 * {@code errcodes.txt}).
 */
package io.pgasync.exception;
