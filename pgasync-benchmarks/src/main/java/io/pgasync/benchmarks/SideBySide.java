package io.pgasync.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The side-by-side load harness (issue 7): the same workloads on pgasync, Vert.x PG client, r2dbc-postgresql and
 * pgjdbc+HikariCP against one PostgreSQL in one run. Each workload warms every driver up, then runs rounds; each
 * round runs every driver once for the same time, in an order rotated from round to round so drift (the shared
 * machine, the server's caches, autovacuum) hits every driver alike. One table at the end.
 *
 * <p>Run it with {@code java -jar pgasync-benchmarks/target/pgasync-benchmarks.jar --help} (see
 * {@code docs/benchmarks.md}).
 */
public final class SideBySide {

    private SideBySide() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options ({@code --help} lists them)
     * @throws Exception when the run cannot start
     */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(Options.usage());
            System.exit(2);
            return;
        }
        int status = run(options, System.out, System.err);
        System.exit(status);
    }

    static int run(Options options, PrintStream out, PrintStream log) throws Exception {
        long started = System.nanoTime();
        double loadAtStart = Machine.loadAverage();
        Server server = Server.open(options.url);
        log.println("server: " + server.description());
        Dataset.create(server);
        String postgres = server.version();
        Driver.Run run = new Driver.Run(server, options.sizes);

        Map<DriverId, Driver> drivers = new EnumMap<>(DriverId.class);
        Report report = new Report(options.sizes);
        List<String> pgasyncNotes = new ArrayList<>();
        try {
            for (DriverId id : DriverId.values()) {
                if (!needed(id, options)) {
                    continue;
                }
                Driver driver = switch (id) {
                    case PGASYNC, PGASYNC_NORESET, PGASYNC_CONN -> PgasyncDriver.open(id, server);
                    case VERTX, VERTX_POOL, VERTX_CONN -> VertxDriver.open(id, server);
                    case R2DBC -> R2dbcDriver.open(server);
                    case PGJDBC -> JdbcDriver.open(server);
                };
                if (driver instanceof PgasyncDriver p) {
                    pgasyncNotes.add(id.label + ": " + p.description());
                }
                drivers.put(id, driver);
            }
            long duration = (long) (options.durationSeconds * 1e9);
            long warmup = (long) (options.warmupSeconds * 1e9);
            for (Workload workload : Workload.values()) {
                if (!options.workloads.contains(workload)) {
                    continue;
                }
                runWorkload(workload, drivers, run, options, duration, warmup, report, log);
            }
        } finally {
            for (Driver d : drivers.values()) {
                try {
                    d.close();
                } catch (RuntimeException e) {
                    log.println("closing " + d.id.id + ": " + e);
                }
            }
        }

        double loadAtEnd = Machine.loadAverage();
        out.println();
        out.println(options.smoke ? "pgasync side by side: CI smoke (figures meaningless)" : "pgasync side by side");
        for (String line : Machine.describe(postgres, server.description())) {
            out.println((options.markdown ? "- " : "  ") + line);
        }
        out.println((options.markdown ? "- " : "  ") + String.format(java.util.Locale.ROOT,
                "load average %.2f at start, %.2f at end%s; %d round(s) of %.1f s per driver and workload,"
                        + " %.1f s warm-up; total %d s", loadAtStart, loadAtEnd,
                loadAtStart >= 1.0 || loadAtEnd >= 1.5 ? " (machine busy: figures preliminary)" : "",
                options.rounds, options.durationSeconds, options.warmupSeconds,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)));
        for (String note : pgasyncNotes) {
            out.println((options.markdown ? "- " : "  ") + note);
        }
        out.println();
        out.print(report.render(options.markdown));
        out.println();
        out.println("throughput in units per second; p50/p99 per operation; CPU/unit is process CPU time (all"
                + " threads, GC and JIT) per unit; alloc/unit is bytes allocated by all threads per unit; ratios"
                + " divide by the (base) row: higher throughput is better, lower everything else.");
        if (report.anyError()) {
            out.println("SOME WORKLOADS FAILED (see ERROR rows)");
            return 1;
        }
        if (options.smoke) {
            out.println("smoke: every workload completed on every driver");
        }
        return 0;
    }

    private static boolean needed(DriverId id, Options options) {
        if (!options.drivers.contains(id)) {
            return false;
        }
        for (Workload w : options.workloads) {
            if (w.drivers.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static void runWorkload(Workload workload, Map<DriverId, Driver> drivers, Driver.Run run,
            Options options, long duration, long warmup, Report report, PrintStream log) throws Exception {
        List<DriverId> ids = new ArrayList<>();
        Map<DriverId, Task> tasks = new EnumMap<>(DriverId.class);
        for (DriverId id : workload.drivers) {
            Driver driver = drivers.get(id);
            if (driver == null) {
                continue;
            }
            Task task;
            try {
                task = driver.task(workload, run);
            } catch (Exception e) {
                Runner.Result failed = new Runner.Result();
                failed.error = e;
                report.add(workload, id, failed);
                continue;
            }
            if (task != null) {
                ids.add(id);
                tasks.put(id, task);
            }
        }
        boolean heap = workload.kind == Workload.Kind.STREAM;
        try {
            if (warmup > 0) {
                for (DriverId id : ids) {
                    Runner.Result r = Runner.window(tasks.get(id), workload.concurrency, warmup, false);
                    if (r.error != null) {
                        log.println(workload.label + " warm-up " + id.id + ": " + r.error);
                    }
                }
            }
            for (int round = 0; round < options.rounds; round++) {
                for (int k = 0; k < ids.size(); k++) {
                    DriverId id = ids.get((k + round) % ids.size());
                    Runner.Result r = Runner.window(tasks.get(id), workload.concurrency, duration, heap);
                    report.add(workload, id, r);
                    double units = (double) r.operations * workload.unitsPerOperation(run.sizes());
                    log.printf(java.util.Locale.ROOT, "%s round %d/%d %s: %s %s/s%s%n", workload.label, round + 1,
                            options.rounds, id.id, Report.count(units / (r.elapsedNanos / 1e9)), workload.unit,
                            r.error == null ? "" : " ERROR " + r.error);
                    if (r.error != null) {
                        r.error.printStackTrace(log);
                    }
                }
            }
        } finally {
            for (Task t : tasks.values()) {
                try {
                    t.close();
                } catch (Exception e) {
                    log.println("closing a task: " + e);
                }
            }
        }
    }
}
