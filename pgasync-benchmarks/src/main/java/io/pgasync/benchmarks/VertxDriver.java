package io.pgasync.benchmarks;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Vert.x PG client 5.0.7 in its three shapes: the pipelined client ({@code PgBuilder.client()}, pool of 10), the
 * pool ({@code PgBuilder.pool()}, one query per connection at a time) and one connection. Prepared statements are
 * cached (the driver's fastest setting; its default is off), on the native transport like the other drivers.
 */
final class VertxDriver extends Driver {

    private static Vertx vertx;
    private static int users;

    private final PgConnectOptions options;
    private final SqlClient client;
    private PgConnection streamConnection;

    private VertxDriver(DriverId id, PgConnectOptions options, SqlClient client) {
        super(id);
        this.options = options;
        this.client = client;
    }

    static synchronized VertxDriver open(DriverId id, Server server) {
        if (vertx == null) {
            vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        }
        users++;
        PgConnectOptions options = new PgConnectOptions()
                .setHost(server.host()).setPort(server.port()).setDatabase(server.database())
                .setUser(server.user()).setPassword(server.password())
                .setCachePreparedStatements(true)
                .setPipeliningLimit(256);
        PoolOptions pool = new PoolOptions().setMaxSize(10);
        SqlClient client = switch (id) {
            case VERTX -> PgBuilder.client().with(pool).connectingTo(options).using(vertx).build();
            case VERTX_POOL -> PgBuilder.pool().with(pool).connectingTo(options).using(vertx).build();
            case VERTX_CONN -> join(PgConnection.connect(vertx, options));
            default -> throw new IllegalArgumentException(id.id);
        };
        return new VertxDriver(id, options, client);
    }

    static String nativeTransport() {
        return vertx == null ? "?" : String.valueOf(vertx.isNativeTransportEnabled());
    }

    @SuppressWarnings("unchecked")
    private static Handler<AsyncResult<RowSet<Row>>> handler(Chain chain) {
        return (Handler<AsyncResult<RowSet<Row>>>) (Handler<?>) chain;
    }

    @Override
    Task task(Workload workload, Run run) {
        return switch (workload.kind) {
            case PK_LOOKUP -> new Task.Async() {
                @Override
                public void start(Chain chain) {
                    client.preparedQuery(Dataset.PK_LOOKUP).execute(Tuple.of(randomAccount()))
                            .onComplete(handler(chain));
                }

                @Override
                public void consume(Object result) {
                    readRows(result, 1, 4);
                }
            };
            case WIDE_FETCH -> rows(Dataset.WIDE_FETCH, Dataset.WIDE_ROWS, Dataset.WIDE_COLUMNS);
            case SMALL_ROWS -> rows(Dataset.SMALL_ROWS_SQL, Dataset.SMALL_ROWS, 1);
            case SELECT_1 -> new Task.Async() {
                @Override
                public void start(Chain chain) {
                    client.preparedQuery(Dataset.SELECT_1).execute().onComplete(handler(chain));
                }

                @Override
                public void consume(Object result) {
                    @SuppressWarnings("unchecked")
                    RowSet<Row> rows = (RowSet<Row>) result;
                    expect(2, rows.iterator().next().getInteger(0), "as 1+1");
                }
            };
            case BATCH_INSERT -> batchInsert(run);
            case COPY_IN -> null;       // no COPY API in Vert.x
            case STREAM -> stream(run);
        };
    }

    private Task rows(String sql, int rows, int columns) {
        return new Task.Async() {
            @Override
            public void start(Chain chain) {
                client.preparedQuery(sql).execute().onComplete(handler(chain));
            }

            @Override
            public void consume(Object result) {
                readRows(result, rows, columns);
            }
        };
    }

    private static void readRows(Object result, int rows, int columns) {
        @SuppressWarnings("unchecked")
        RowSet<Row> set = (RowSet<Row>) result;
        expect(rows, set.size(), "rows");
        for (Row row : set) {
            expect(columns, row.size(), "columns");
            for (int i = 0; i < columns; i++) {
                read(row.getValue(i));
            }
        }
    }

    private Task batchInsert(Run run) {
        List<Tuple> rows = new ArrayList<>(run.sizes().batchRows());
        for (int i = 0; i < run.sizes().batchRows(); i++) {
            rows.add(Tuple.of(i, Dataset.NAMES[i % Dataset.NAMES.length], Dataset.amount(i)));
        }
        return new Task.Async() {
            @Override
            public void beforeWindow() throws Exception {
                Dataset.truncate(run.server(), "batch_target");
            }

            @Override
            public void start(Chain chain) {
                client.preparedQuery(Dataset.BATCH_INSERT).executeBatch(rows).onComplete(handler(chain));
            }

            @Override
            public void consume(Object result) {
                @SuppressWarnings("unchecked")
                RowSet<Row> set = (RowSet<Row>) result;
                long inserted = 0;
                for (RowSet<Row> r = set; r != null; r = r.next()) {
                    inserted += r.rowCount();
                }
                expect(rows.size(), inserted, "rows inserted");
            }
        };
    }

    private Task stream(Run run) {
        int rows = run.sizes().streamRows();
        String sql = Dataset.streamSql(rows);
        return new Task.Async() {
            @Override
            public void start(Chain chain) {
                // a cursor needs a transaction and a connection of its own: one, kept for the run
                PgConnection conn = streamConnection();
                conn.begin().compose(tx -> conn.prepare(sql).compose(ps -> {
                    Promise<Long> done = Promise.promise();
                    RowStream<Row> stream = ps.createStream(Dataset.STREAM_FETCH);
                    long[] count = new long[1];
                    stream.exceptionHandler(done::tryFail);
                    stream.endHandler(v -> done.tryComplete(count[0]));
                    stream.handler(row -> {
                        expect(Dataset.WIDE_COLUMNS, row.size(), "columns");
                        for (int i = 0; i < Dataset.WIDE_COLUMNS; i++) {
                            read(row.getValue(i));
                        }
                        count[0]++;
                    });
                    return done.future().compose(n -> ps.close().map(n));
                }).compose(n -> tx.commit().map(n))).onComplete(longHandler(chain));
            }

            @Override
            public void consume(Object result) {
                expect(rows, (Long) result, "rows streamed");
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Handler<AsyncResult<Long>> longHandler(Chain chain) {
        return (Handler<AsyncResult<Long>>) (Handler<?>) chain;
    }

    private synchronized PgConnection streamConnection() {
        if (streamConnection == null) {
            streamConnection = join(PgConnection.connect(vertx, options));
        }
        return streamConnection;
    }

    private static <T> T join(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public void close() {
        synchronized (VertxDriver.class) {
            if (streamConnection != null) {
                join(streamConnection.close());
            }
            join(client.close());
            if (--users == 0) {
                join(vertx.close());
                vertx = null;
            }
        }
    }
}
