package io.pgasync.types;

/**
 * A PostgreSQL {@code tid}: the physical location of a row version (a {@code ctid}), a block number and a tuple
 * index within the block, written {@code (block,offset)}.
 *
 * @param block the block number, 0 to 4294967295
 * @param offset the tuple's index in the block, 0 to 65535
 */
public record PgTid(long block, int offset) {

    /**
     * Checks the ranges.
     *
     * @param block the block number
     * @param offset the tuple index
     * @throws IllegalArgumentException when either is out of range
     */
    public PgTid {
        if (block < 0 || block > 0xFFFF_FFFFL || offset < 0 || offset > 0xFFFF) {
            throw new IllegalArgumentException("a tid has a block number from 0 to 4294967295 and an offset from 0"
                    + " to 65535, not (" + block + "," + offset + ")");
        }
    }

    /** The text form, {@code (block,offset)}. */
    @Override
    public String toString() {
        return "(" + block + "," + offset + ")";
    }
}
