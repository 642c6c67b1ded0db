package io.pgasync.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * pgjdbc 42.7.14 behind HikariCP 7.1.0 (10 connections), blocking, called from the harness's fixed thread pool;
 * {@code reWriteBatchedInserts=true} for the batch insert.
 */
final class JdbcDriver extends Driver {

    private final HikariDataSource pool;

    private JdbcDriver(HikariDataSource pool) {
        super(DriverId.PGJDBC);
        this.pool = pool;
    }

    static JdbcDriver open(Server server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl() + "&reWriteBatchedInserts=true");
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(10);
        config.setPoolName("pgjdbc-bench");
        return new JdbcDriver(new HikariDataSource(config));
    }

    @Override
    Task task(Workload workload, Run run) {
        return switch (workload.kind) {
            case PK_LOOKUP -> (Task.Blocking) () -> {
                try (Connection c = pool.getConnection();
                     PreparedStatement ps = c.prepareStatement(Dataset.jdbc(Dataset.PK_LOOKUP))) {
                    ps.setInt(1, randomAccount());
                    readAll(ps, 1, 4);
                }
            };
            case WIDE_FETCH -> query(Dataset.WIDE_FETCH, Dataset.WIDE_ROWS, Dataset.WIDE_COLUMNS);
            case SMALL_ROWS -> query(Dataset.SMALL_ROWS_SQL, Dataset.SMALL_ROWS, 1);
            case SELECT_1 -> (Task.Blocking) () -> {
                try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(Dataset.SELECT_1);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    expect(2, rs.getInt(1), "as 1+1");
                }
            };
            case BATCH_INSERT -> batchInsert(run);
            case COPY_IN -> copyIn(run);
            case STREAM -> stream(run);
        };
    }

    private Task query(String sql, int rows, int columns) {
        String jdbcSql = Dataset.jdbc(sql);
        return (Task.Blocking) () -> {
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(jdbcSql)) {
                readAll(ps, rows, columns);
            }
        };
    }

    private static void readAll(PreparedStatement ps, int rows, int columns) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            expect(rows, readRows(rs, columns), "rows");
        }
    }

    private static long readRows(ResultSet rs, int columns) throws Exception {
        long n = 0;
        while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
                read(rs.getObject(i));
            }
            n++;
        }
        return n;
    }

    private Task batchInsert(Run run) {
        int count = run.sizes().batchRows();
        String sql = Dataset.jdbc(Dataset.BATCH_INSERT);
        return new Task.Blocking() {
            @Override
            public void beforeWindow() throws Exception {
                Dataset.truncate(run.server(), "batch_target");
            }

            @Override
            public void run() throws Exception {
                try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < count; i++) {
                        ps.setInt(1, i);
                        ps.setString(2, Dataset.NAMES[i % Dataset.NAMES.length]);
                        ps.setDouble(3, Dataset.amount(i));
                        ps.addBatch();
                    }
                    long inserted = 0;
                    for (int n : ps.executeBatch()) {
                        // rewritten into multi-row INSERTs, each row reports SUCCESS_NO_INFO
                        inserted += n == Statement.SUCCESS_NO_INFO ? 1 : n;
                    }
                    expect(count, inserted, "rows inserted");
                }
            }
        };
    }

    private Task copyIn(Run run) {
        int count = run.sizes().copyRows();
        String sql = "COPY copy_target (" + String.join(", ", Dataset.COPY_COLUMNS) + ") FROM STDIN";
        return new Task.Blocking() {
            @Override
            public void beforeWindow() throws Exception {
                Dataset.truncate(run.server(), "copy_target");
            }

            @Override
            public void run() throws Exception {
                try (Connection c = pool.getConnection()) {
                    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
                    StringBuilder text = new StringBuilder(70_000);
                    for (int i = 0; i < count; i++) {
                        text.append(i).append('\t').append(Dataset.NAMES[i % Dataset.NAMES.length]).append('\t')
                                .append(Dataset.amount(i)).append('\n');
                        if (text.length() >= 65_000) {
                            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                            copy.writeToCopy(bytes, 0, bytes.length);
                            text.setLength(0);
                        }
                    }
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    expect(count, copy.endCopy(), "rows copied");
                }
            }
        };
    }

    private Task stream(Run run) {
        int rows = run.sizes().streamRows();
        String sql = Dataset.streamSql(rows);
        return (Task.Blocking) () -> {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setFetchSize(Dataset.STREAM_FETCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        expect(rows, readRows(rs, Dataset.WIDE_COLUMNS), "rows streamed");
                    }
                } finally {
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
        };
    }

    @Override
    public void close() {
        pool.close();
    }
}
