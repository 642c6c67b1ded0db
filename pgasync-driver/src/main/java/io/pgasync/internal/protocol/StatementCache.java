package io.pgasync.internal.protocol;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connection's prepared statements by SQL text: a least-recently-used map bounded by count, whose entries
 * also expire after a lifetime (asyncpg's statement cache: 100 statements, 300 s, SQL up to 15 KiB). Evicted and
 * expired statements are handed back so the connection closes them on the server. Event-loop confined.
 */
final class StatementCache {

    /** A prepared statement: its server-side name and what Describe said about it. */
    static final class Entry {
        final String sql;
        final String name;
        final long preparedAt;
        int[] parameterTypes;
        RowDescription rowDescription; // null for NoData
        boolean ready;
        /** For explicit prepared statements: told the status of each execution. */
        java.util.function.Consumer<String> statusListener;

        Entry(String sql, String name, long preparedAt) {
            this.sql = sql;
            this.name = name;
            this.preparedAt = preparedAt;
        }
    }

    private final int maxSize;
    private final long maxLifetimeNanos;
    private final int maxSqlLength;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(32, 0.75f, true);
    private long counter;

    StatementCache(int maxSize, long maxLifetimeNanos, int maxSqlLength) {
        this.maxSize = maxSize;
        this.maxLifetimeNanos = maxLifetimeNanos;
        this.maxSqlLength = maxSqlLength;
    }

    /** Whether statements for this SQL are cached (cache enabled and the SQL small enough). */
    boolean caches(String sql) {
        return maxSize > 0 && sql.length() <= maxSqlLength;
    }

    /**
     * The live entry for the SQL, or null. An expired entry is removed and added to {@code toClose}.
     */
    Entry get(String sql, long now, List<Entry> toClose) {
        Entry e = entries.get(sql);
        if (e != null && maxLifetimeNanos > 0 && now - e.preparedAt > maxLifetimeNanos) {
            entries.remove(sql);
            if (e.ready) {
                toClose.add(e);
            }
            return null;
        }
        return e;
    }

    /** Creates and inserts an entry (not yet ready), evicting the least recently used ones over the bound. */
    Entry create(String sql, long now, List<Entry> toClose) {
        Entry e = new Entry(sql, "__pgasync_" + (++counter), now);
        entries.put(sql, e);
        if (entries.size() > maxSize) {
            Iterator<Entry> it = entries.values().iterator();
            while (entries.size() > maxSize && it.hasNext()) {
                Entry eldest = it.next();
                if (eldest == e) {
                    continue;
                }
                it.remove();
                if (eldest.ready) {
                    toClose.add(eldest);
                }
            }
        }
        return e;
    }

    /** Removes an entry (after a failed prepare, or when the server says it is stale). */
    void remove(Entry e) {
        entries.remove(e.sql, e);
    }

    /** Removes the entry for this SQL, returning it (or null). */
    Entry removeSql(String sql) {
        return entries.remove(sql);
    }

    /** Removes every entry, returning those that exist on the server. */
    List<Entry> clear() {
        List<Entry> ready = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.ready) {
                ready.add(e);
            }
        }
        entries.clear();
        return ready;
    }

    int size() {
        return entries.size();
    }

    Map<String, Entry> view() {
        return java.util.Collections.unmodifiableMap(entries);
    }
}
