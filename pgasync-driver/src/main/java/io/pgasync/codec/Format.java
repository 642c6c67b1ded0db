package io.pgasync.codec;

/** The wire format of a value: PostgreSQL's format codes. */
public enum Format {
    /** Format code 0: the type's text representation (UTF-8). */
    TEXT,
    /** Format code 1: the type's binary send/receive representation. */
    BINARY;

    /**
     * The protocol format code.
     *
     * @return 0 for text, 1 for binary
     */
    public short code() {
        return (short) ordinal();
    }
}
