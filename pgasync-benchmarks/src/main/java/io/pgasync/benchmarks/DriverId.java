package io.pgasync.benchmarks;

import java.util.List;

/**
 * The clients compared. "Pooled" ones hold 10 connections. The Vert.x pipelined client ({@code PgBuilder.client()})
 * is the baseline of every ratio (the single Vert.x connection in the pipelined workload; pgjdbc where Vert.x has
 * no API for the workload, COPY).
 */
enum DriverId {
    /** pgasync's {@code PgPool}, 10 connections, with its default reset on release. */
    PGASYNC("pgasync", "pgasync pool"),
    /** pgasync's {@code PgPool}, 10 connections, with a reset hook that does nothing (as Hikari and Vert.x). */
    PGASYNC_NORESET("pgasync-noreset", "pgasync pool noreset"),
    /** One pgasync connection, pipelined. */
    PGASYNC_CONN("pgasync-conn", "pgasync 1 conn"),
    /** Vert.x PG client 5.0.7, {@code PgBuilder.client()}: a pipelined pool of 10 (pipelining limit 256). */
    VERTX("vertx", "vertx client"),
    /** Vert.x PG client 5.0.7, {@code PgBuilder.pool()}: one query per connection at a time, 10 connections. */
    VERTX_POOL("vertx-pool", "vertx pool"),
    /** One Vert.x connection, pipelined (limit 256). */
    VERTX_CONN("vertx-conn", "vertx 1 conn"),
    /** r2dbc-postgresql 1.1.3 behind r2dbc-pool, 10 connections. */
    R2DBC("r2dbc", "r2dbc pool"),
    /** pgjdbc 42.7.14 behind HikariCP 7.1.0, 10 connections, called from a fixed thread pool. */
    PGJDBC("pgjdbc", "pgjdbc hikari");

    static final List<DriverId> POOLED = List.of(PGASYNC, PGASYNC_NORESET, PGASYNC_CONN, VERTX, VERTX_POOL, R2DBC,
            PGJDBC);
    static final List<DriverId> ALL_BUT_VERTX_POOL = List.of(PGASYNC, PGASYNC_NORESET, VERTX, R2DBC, PGJDBC);
    static final List<DriverId> ALL_POOLS = List.of(PGASYNC, PGASYNC_NORESET, VERTX, VERTX_POOL, R2DBC, PGJDBC);

    final String id;
    final String label;

    DriverId(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The family (pgasync, vertx, r2dbc, pgjdbc), which {@code --drivers} selects by. */
    String family() {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }
}
