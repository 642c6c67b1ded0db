package io.pgasync.types;

import java.util.List;

/**
 * A PostgreSQL {@code pg_snapshot} (or the older {@code txid_snapshot}): which transactions a snapshot sees,
 * written {@code xmin:xmax:xip,...}. Transaction IDs are 64-bit ({@code xid8}).
 *
 * @param xmin the earliest transaction still active
 * @param xmax the first transaction not yet assigned
 * @param xip the transactions in progress, in increasing order
 */
public record PgSnapshot(long xmin, long xmax, List<Long> xip) {

    /**
     * Copies the in-progress list.
     *
     * @param xmin the earliest transaction still active
     * @param xmax the first transaction not yet assigned
     * @param xip the transactions in progress, none null
     */
    public PgSnapshot {
        xip = List.copyOf(xip);
    }

    /** The text form, {@code xmin:xmax:xip1,xip2}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(Long.toUnsignedString(xmin)).append(':')
                .append(Long.toUnsignedString(xmax)).append(':');
        for (int i = 0; i < xip.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Long.toUnsignedString(xip.get(i)));
        }
        return sb.toString();
    }
}
