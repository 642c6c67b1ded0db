package io.pgasync;

/** Transaction isolation levels, as PostgreSQL implements them. */
public enum IsolationLevel {
    /** READ UNCOMMITTED, which PostgreSQL runs as READ COMMITTED. */
    READ_UNCOMMITTED("READ UNCOMMITTED"),
    /** READ COMMITTED, PostgreSQL's default. */
    READ_COMMITTED("READ COMMITTED"),
    /** REPEATABLE READ (snapshot isolation). */
    REPEATABLE_READ("REPEATABLE READ"),
    /** SERIALIZABLE (serializable snapshot isolation; be ready to retry on serialization failures). */
    SERIALIZABLE("SERIALIZABLE");

    private final String sql;

    IsolationLevel(String sql) {
        this.sql = sql;
    }

    /**
     * The SQL spelling, e.g. {@code REPEATABLE READ}.
     *
     * @return the SQL words
     */
    public String sql() {
        return sql;
    }
}
