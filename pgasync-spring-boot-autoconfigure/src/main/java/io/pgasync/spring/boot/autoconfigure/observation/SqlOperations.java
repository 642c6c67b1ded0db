package io.pgasync.spring.boot.autoconfigure.observation;

import java.util.Set;

/** Derives a bounded operation name from SQL text: its first keyword when it is a known command, else OTHER. */
public final class SqlOperations {

    private static final Set<String> KNOWN = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "COPY",
            "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "START", "SET", "RESET", "SHOW", "CREATE", "ALTER",
            "DROP", "TRUNCATE", "GRANT", "REVOKE", "LISTEN", "UNLISTEN", "NOTIFY", "DECLARE", "FETCH", "CLOSE",
            "MOVE", "PREPARE", "EXECUTE", "DEALLOCATE", "DISCARD", "EXPLAIN", "ANALYZE", "VACUUM", "LOCK", "CALL",
            "DO", "VALUES", "TABLE", "COMMENT", "REFRESH", "REINDEX", "CLUSTER");

    private SqlOperations() {
    }

    /**
     * Whether a query event is the pool's own housekeeping rather than the application's: the session reset run on
     * each release, or an empty validation/keep-alive query. Such events are not observed or timed.
     *
     * @param event the event
     * @return true for housekeeping
     */
    public static boolean isHousekeeping(io.pgasync.PgQueryEvent event) {
        return isHousekeeping(event.connection(), event.sql());
    }

    /**
     * Whether a query is the pool's own housekeeping (see {@link #isHousekeeping(io.pgasync.PgQueryEvent)}).
     *
     * @param connection the connection that runs it, or null
     * @param sql its SQL text, or null
     * @return true for housekeeping
     */
    public static boolean isHousekeeping(io.pgasync.PgConnection connection, String sql) {
        if (sql == null || sql.isEmpty()) {
            return true;
        }
        return connection != null && sql.equals(connection.getResetQuery());
    }

    /**
     * The operation name of a statement.
     *
     * @param sql the SQL text, or null
     * @return the upper-case first keyword when known, OTHER otherwise (never unbounded)
     */
    public static String operationName(String sql) {
        if (sql == null) {
            return "OTHER";
        }
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && i - start < 12 && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        if (i == start) {
            return "OTHER";
        }
        String word = sql.substring(start, i).toUpperCase(java.util.Locale.ROOT);
        return KNOWN.contains(word) ? word : "OTHER";
    }
}
