package io.pgasync.benchmarks;

import java.util.List;

/**
 * The workloads of the side-by-side run (issue 7, the same as asyncpg's benchmark where they overlap), with the
 * drivers that run each. The unit is what the throughput, CPU and allocation figures count: a query, or a row.
 */
enum Workload {
    PK_LOOKUP_1("pk-lookup-c1", Kind.PK_LOOKUP, 1, "query", DriverId.POOLED),
    PK_LOOKUP_16("pk-lookup-c16", Kind.PK_LOOKUP, 16, "query", DriverId.POOLED),
    PK_LOOKUP_64("pk-lookup-c64", Kind.PK_LOOKUP, 64, "query", DriverId.POOLED),
    PIPELINED_64("pipelined-c64", Kind.PK_LOOKUP, 64, "query",
            List.of(DriverId.PGASYNC_CONN, DriverId.VERTX_CONN)),
    WIDE_FETCH_1("wide-fetch-c1", Kind.WIDE_FETCH, 1, "row", DriverId.ALL_BUT_VERTX_POOL),
    WIDE_FETCH_8("wide-fetch-c8", Kind.WIDE_FETCH, 8, "row", DriverId.ALL_POOLS),
    SMALL_ROWS("small-rows-c8", Kind.SMALL_ROWS, 8, "row", DriverId.ALL_BUT_VERTX_POOL),
    SELECT_1("select-1+1-c1", Kind.SELECT_1, 1, "query", DriverId.ALL_BUT_VERTX_POOL),
    BATCH_INSERT("batch-insert-10k", Kind.BATCH_INSERT, 1, "row", DriverId.ALL_BUT_VERTX_POOL),
    COPY_IN("copy-in", Kind.COPY_IN, 1, "row", List.of(DriverId.PGASYNC, DriverId.PGJDBC)),
    STREAM("stream-cursor", Kind.STREAM, 1, "row", DriverId.ALL_BUT_VERTX_POOL);

    /** What a workload does; each driver implements each kind. */
    enum Kind {
        PK_LOOKUP, WIDE_FETCH, SMALL_ROWS, SELECT_1, BATCH_INSERT, COPY_IN, STREAM
    }

    final String label;
    final Kind kind;
    final int concurrency;
    final String unit;
    final List<DriverId> drivers;

    Workload(String label, Kind kind, int concurrency, String unit, List<DriverId> drivers) {
        this.label = label;
        this.kind = kind;
        this.concurrency = concurrency;
        this.unit = unit;
        this.drivers = drivers;
    }

    /**
     * Units per operation.
     *
     * @param sizes the run's data sizes
     * @return how many units one operation moves
     */
    long unitsPerOperation(Sizes sizes) {
        return switch (kind) {
            case PK_LOOKUP, SELECT_1 -> 1;
            case WIDE_FETCH -> Dataset.WIDE_ROWS;
            case SMALL_ROWS -> Dataset.SMALL_ROWS;
            case BATCH_INSERT -> sizes.batchRows();
            case COPY_IN -> sizes.copyRows();
            case STREAM -> sizes.streamRows();
        };
    }

    /** The sizes of the bulk workloads: the in a full run, smaller in the CI smoke. */
    record Sizes(int batchRows, int copyRows, int streamRows) {
        static final Sizes FULL = new Sizes(10_000, 1_000_000, 1_000_000);
        static final Sizes SMOKE = new Sizes(10_000, 100_000, 100_000);
    }
}
