package io.pgasync.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmark's tables (pgbench-style accounts at scale 1, a wide table, insert targets) and its SQL. */
final class Dataset {

    static final int ACCOUNTS = 100_000;
    static final int WIDE_ROWS = 1_000;
    static final int SMALL_ROWS = 1_000;
    static final int WIDE_COLUMNS = 10;
    /** Rows fetched per round trip (and requested per batch) by every driver's streaming workload. */
    static final int STREAM_FETCH = 1000;

    static final String PK_LOOKUP = "SELECT * FROM accounts WHERE id = $1";
    static final String WIDE_FETCH = "SELECT * FROM wide";
    static final String SMALL_ROWS_SQL = "SELECT i FROM generate_series(1, 1000) AS i";
    static final String SELECT_1 = "SELECT 1+1";
    static final String BATCH_INSERT = "INSERT INTO batch_target (id, name, amount) VALUES ($1, $2, $3)";
    static final String[] COPY_COLUMNS = {"id", "name", "amount"};

    /** 1,000 distinct names the bulk workloads cycle through, so no driver pays for building strings. */
    static final String[] NAMES = new String[1000];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            NAMES[i] = "name-" + i + "-of-the-bulk-rows";
        }
    }

    private Dataset() {
    }

    /** The streaming query: the wide table's rows, repeated to {@code rows}. */
    static String streamSql(int rows) {
        return "SELECT w.* FROM wide w CROSS JOIN generate_series(1, " + (rows / WIDE_ROWS) + ") AS g";
    }

    /** The PgSQL parameter marker form for pgjdbc. */
    static String jdbc(String sql) {
        return sql.replaceAll("\\$\\d+", "?");
    }

    static double amount(int i) {
        return i * 0.25;
    }

    /** Creates (again) every table. */
    static void create(Server server) throws SQLException {
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS pgbench_history, pgbench_tellers, pgbench_branches, accounts, wide,"
                    + " batch_target, copy_target");
            // pgbench's schema at scale 1 (accounts without its prefix, as the workload's SQL names it)
            s.execute("CREATE TABLE pgbench_branches (bid int PRIMARY KEY, bbalance int NOT NULL, filler char(88))");
            s.execute("CREATE TABLE pgbench_tellers (tid int PRIMARY KEY, bid int NOT NULL, tbalance int NOT NULL,"
                    + " filler char(84))");
            s.execute("CREATE TABLE accounts (id int PRIMARY KEY, bid int NOT NULL, abalance int NOT NULL,"
                    + " filler char(84))");
            s.execute("CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp,"
                    + " filler char(22))");
            s.execute("INSERT INTO pgbench_branches SELECT 1, 0, ''");
            s.execute("INSERT INTO pgbench_tellers SELECT i, 1, 0, '' FROM generate_series(1, 10) AS i");
            s.execute("INSERT INTO accounts SELECT i, 1 + (i - 1) / 100000, 0, '' FROM generate_series(1, "
                    + ACCOUNTS + ") AS i");
            s.execute("CREATE TABLE wide (c_int4 int4, c_int8 int8, c_text text, c_numeric numeric,"
                    + " c_timestamptz timestamptz, c_bool bool, c_float8 float8, c_uuid uuid, c_jsonb jsonb,"
                    + " c_bytea bytea)");
            s.execute("INSERT INTO wide SELECT i, i * 1000000007::int8, 'row number ' || i || ' of the wide table',"
                    + " (i * 3.14159)::numeric(12, 5), timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute',"
                    + " i % 2 = 0, i / 7.0, md5(i::text)::uuid,"
                    + " jsonb_build_object('id', i, 'name', 'n' || i, 'tags', jsonb_build_array('a', 'b')),"
                    + " decode(md5(i::text), 'hex') FROM generate_series(1, " + WIDE_ROWS + ") AS i");
            s.execute("CREATE TABLE batch_target (id int4, name text, amount float8)");
            s.execute("CREATE TABLE copy_target (id int4, name text, amount float8)");
            s.execute("VACUUM ANALYZE");
        }
    }

    /** Empties a target table between windows (outside the measurement). */
    static void truncate(Server server, String table) throws SQLException {
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + table);
        }
    }
}
