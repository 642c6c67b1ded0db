package io.pgasync.exception;

/** PLACEHOLDER until the errcodes generator lands. */
final class PgServerExceptions {

    private PgServerExceptions() {}

    static PgServerException create(PgErrorFields fields) {
        return new PgServerException(fields);
    }
}
