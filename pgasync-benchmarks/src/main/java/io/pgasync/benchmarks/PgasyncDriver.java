package io.pgasync.benchmarks;

import io.pgasync.PgConnectOptions;
import io.pgasync.PgConnection;
import io.pgasync.PgCopyOptions;
import io.pgasync.PgPool;
import io.pgasync.PoolOptions;
import io.pgasync.Row;
import io.pgasync.SslMode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** pgasync, through {@link PgasyncTarget} (pooled workloads) or one connection (the pipelined workload). */
final class PgasyncDriver extends Driver {

    private final PgasyncTarget target;

    private PgasyncDriver(DriverId id, PgasyncTarget target) {
        super(id);
        this.target = target;
    }

    static PgasyncDriver open(DriverId id, Server server) {
        PgConnectOptions options = PgConnectOptions.builder()
                .host(server.host()).port(server.port()).database(server.database())
                .user(server.user()).password(server.password())
                .sslMode(SslMode.DISABLE)
                .rewriteBatchedInserts(true) // only the batch insert uses it; pgjdbc runs with its own rewrite too
                .build();
        PgasyncTarget target = switch (id) {
            case PGASYNC -> PgasyncTarget.pooled(PgPool.connect(PoolOptions.builder().connect(options)
                    .minSize(10).maxSize(10).build()).join(), "PgPool of 10, default reset on release");
            case PGASYNC_NORESET -> PgasyncTarget.pooled(PgPool.connect(PoolOptions.builder().connect(options)
                    .minSize(10).maxSize(10).reset(c -> CompletableFuture.completedFuture(null)).build()).join(),
                    "PgPool of 10, reset hook that does nothing (as HikariCP and Vert.x's pool)");
            case PGASYNC_CONN -> PgasyncTarget.singleConnection(PgConnection.connect(options).join());
            default -> throw new IllegalArgumentException(id.id);
        };
        return new PgasyncDriver(id, target);
    }

    String description() {
        return target.description();
    }

    @Override
    Task task(Workload workload, Run run) {
        return switch (workload.kind) {
            case PK_LOOKUP -> new Task.Async() {
                @Override
                public void start(Chain chain) {
                    target.client().fetchRow(Dataset.PK_LOOKUP, randomAccount()).whenComplete(chain);
                }

                @Override
                public void consume(Object result) {
                    readRow((Row) result, 4);
                }
            };
            case WIDE_FETCH -> rows(Dataset.WIDE_FETCH, Dataset.WIDE_ROWS, Dataset.WIDE_COLUMNS);
            case SMALL_ROWS -> rows(Dataset.SMALL_ROWS_SQL, Dataset.SMALL_ROWS, 1);
            case SELECT_1 -> new Task.Async() {
                @Override
                public void start(Chain chain) {
                    target.client().fetchVal(Dataset.SELECT_1).whenComplete(chain);
                }

                @Override
                public void consume(Object result) {
                    expect(2, ((Number) result).longValue(), "as 1+1");
                }
            };
            case BATCH_INSERT -> batchInsert(run);
            case COPY_IN -> copyIn(run);
            case STREAM -> stream(run);
        };
    }

    private Task rows(String sql, int rows, int columns) {
        return new Task.Async() {
            @Override
            public void start(Chain chain) {
                target.client().fetch(sql).whenComplete(chain);
            }

            @Override
            public void consume(Object result) {
                @SuppressWarnings("unchecked")
                List<Row> list = (List<Row>) result;
                expect(rows, list.size(), "rows");
                for (int i = 0, n = list.size(); i < n; i++) {
                    readRow(list.get(i), columns);
                }
            }
        };
    }

    private Task batchInsert(Run run) {
        List<List<Object>> rows = new ArrayList<>(run.sizes().batchRows());
        for (int i = 0; i < run.sizes().batchRows(); i++) {
            rows.add(List.of(i, Dataset.NAMES[i % Dataset.NAMES.length], Dataset.amount(i)));
        }
        return new Task.Async() {
            @Override
            public void beforeWindow() throws Exception {
                Dataset.truncate(run.server(), "batch_target");
            }

            @Override
            public void start(Chain chain) {
                target.client().executeMany(Dataset.BATCH_INSERT, rows).whenComplete(chain);
            }

            @Override
            public void consume(Object result) {
                expect(rows.size(), (Long) result, "rows inserted");
            }
        };
    }

    private Task copyIn(Run run) {
        int count = run.sizes().copyRows();
        PgCopyOptions options = PgCopyOptions.builder().columns(Dataset.COPY_COLUMNS).build();
        return new Task.Async() {
            @Override
            public void beforeWindow() throws Exception {
                Dataset.truncate(run.server(), "copy_target");
            }

            @Override
            public void start(Chain chain) {
                target.withConnection(c -> c.copyRecordsToTable("copy_target", new Records(count), options))
                        .whenComplete(chain);
            }

            @Override
            public void consume(Object result) {
                expect(count, (Long) result, "rows copied");
            }
        };
    }

    /** The COPY rows, made as they are read: {@code (i, name, amount)}. */
    private record Records(int count) implements Iterable<List<?>> {
        @Override
        public Iterator<List<?>> iterator() {
            return new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < count;
                }

                @Override
                public List<?> next() {
                    int n = i++;
                    return List.of(n, Dataset.NAMES[n % Dataset.NAMES.length], Dataset.amount(n));
                }
            };
        }
    }

    private Task stream(Run run) {
        int rows = run.sizes().streamRows();
        String sql = Dataset.streamSql(rows);
        return new Task.Async() {
            @Override
            public void start(Chain chain) {
                target.withConnection(c -> {
                    CompletableFuture<Long> done = new CompletableFuture<>();
                    c.cursor(Dataset.STREAM_FETCH, sql).subscribe(new RowCounter(done));
                    return done;
                }).whenComplete(chain);
            }

            @Override
            public void consume(Object result) {
                expect(rows, (Long) result, "rows streamed");
            }
        };
    }

    /** Reads every value of every streamed row, requesting them in batches of {@link #Dataset.STREAM_FETCH}. */
    private static final class RowCounter implements Flow.Subscriber<Row> {
        private final CompletableFuture<Long> done;
        private Flow.Subscription subscription;
        private long count;

        RowCounter(CompletableFuture<Long> done) {
            this.done = done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Dataset.STREAM_FETCH);
        }

        @Override
        public void onNext(Row row) {
            readRow(row, Dataset.WIDE_COLUMNS);
            if (++count % Dataset.STREAM_FETCH == 0) {
                subscription.request(Dataset.STREAM_FETCH);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(count);
        }
    }

    static void readRow(Row row, int columns) {
        if (row == null) {
            throw new IllegalStateException("no row");
        }
        expect(columns, row.size(), "columns");
        for (int i = 0; i < columns; i++) {
            read(row.get(i));
        }
    }

    @Override
    public void close() {
        target.close();
    }
}
