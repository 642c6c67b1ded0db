package io.pgasync.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/** r2dbc-postgresql 1.1.3 behind r2dbc-pool (10 connections), on reactor-netty 1.3. */
final class R2dbcDriver extends Driver {

    private final ConnectionPool pool;

    private R2dbcDriver(ConnectionPool pool) {
        super(DriverId.R2DBC);
        this.pool = pool;
    }

    static R2dbcDriver open(Server server) {
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(
                PostgresqlConnectionConfiguration.builder()
                        .host(server.host()).port(server.port()).database(server.database())
                        .username(server.user()).password(server.password())
                        .tcpNoDelay(true)
                        .build());
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(10).maxSize(10).maxAcquireTime(Duration.ofSeconds(30)).build());
        pool.warmup().block();
        return new R2dbcDriver(pool);
    }

    private static final BiFunction<Row, RowMetadata, Integer> READ_PK = (row, meta) -> readRow(row, 4);
    private static final BiFunction<Row, RowMetadata, Integer> READ_WIDE = (row, meta) -> readRow(row, Dataset.WIDE_COLUMNS);
    private static final BiFunction<Row, RowMetadata, Integer> READ_SMALL = (row, meta) -> readRow(row, 1);

    private static Integer readRow(Row row, int columns) {
        expect(columns, row.getMetadata().getColumnMetadatas().size(), "columns");
        for (int i = 0; i < columns; i++) {
            read(row.get(i));
        }
        return columns;
    }

    /** Runs one statement on a pooled connection, mapping each row; completes with the last mapped value. */
    private Flux<Integer> rows(Function<Connection, Statement> statement, BiFunction<Row, RowMetadata, Integer> mapper) {
        return Flux.usingWhen(pool.create(),
                c -> Flux.from(statement.apply(c).execute()).flatMap(r -> r.map(mapper)),
                Connection::close);
    }

    @Override
    Task task(Workload workload, Run run) {
        return switch (workload.kind) {
            case PK_LOOKUP -> (Task.Async) chain -> {
                int id = randomAccount();
                rows(c -> c.createStatement(Dataset.PK_LOOKUP).bind(0, id), READ_PK).subscribe(chain);
            };
            case WIDE_FETCH -> counted(c -> c.createStatement(Dataset.WIDE_FETCH), READ_WIDE, Dataset.WIDE_ROWS);
            case SMALL_ROWS -> counted(c -> c.createStatement(Dataset.SMALL_ROWS_SQL), READ_SMALL,
                    Dataset.SMALL_ROWS);
            case SELECT_1 -> new Task.Async() {
                @Override
                public void start(Chain chain) {
                    rows(c -> c.createStatement(Dataset.SELECT_1), (row, meta) -> row.get(0, Integer.class))
                            .subscribe(chain);
                }

                @Override
                public void consume(Object result) {
                    expect(2, (Integer) result, "as 1+1");
                }
            };
            case BATCH_INSERT -> batchInsert(run);
            case COPY_IN -> null;   // the issue compares COPY on pgasync and pgjdbc only
            case STREAM -> {
                int rows = run.sizes().streamRows();
                String sql = Dataset.streamSql(rows);
                yield counted(c -> c.createStatement(sql).fetchSize(Dataset.STREAM_FETCH), READ_WIDE, rows);
            }
        };
    }

    private Task counted(Function<Connection, Statement> statement, BiFunction<Row, RowMetadata, Integer> mapper, long rows) {
        return new Task.Async() {
            @Override
            public void start(Chain chain) {
                rows(statement, mapper).count().subscribe(chain);
            }

            @Override
            public void consume(Object result) {
                expect(rows, (Long) result, "rows");
            }
        };
    }

    private Task batchInsert(Run run) {
        int count = run.sizes().batchRows();
        return new Task.Async() {
            @Override
            public void beforeWindow() throws Exception {
                Dataset.truncate(run.server(), "batch_target");
            }

            @Override
            public void start(Chain chain) {
                Flux.usingWhen(pool.create(), c -> {
                    Statement s = c.createStatement(Dataset.BATCH_INSERT);
                    for (int i = 0; i < count; i++) {
                        if (i > 0) {
                            s.add();
                        }
                        s.bind(0, i).bind(1, Dataset.NAMES[i % Dataset.NAMES.length]).bind(2, Dataset.amount(i));
                    }
                    return Flux.from(s.execute()).flatMap(Result::getRowsUpdated);
                }, Connection::close).reduce(0L, Long::sum).subscribe(chain);
            }

            @Override
            public void consume(Object result) {
                expect(count, (Long) result, "rows inserted");
            }
        };
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(30));
    }
}
