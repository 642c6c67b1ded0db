package io.pgasync.benchmarks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The command line of {@link SideBySide}. */
final class Options {

    static final String USAGE = """
            usage: java -jar pgasync-benchmarks/target/pgasync-benchmarks.jar [options]
              --duration=SECONDS   measured time per driver, workload and round (default 5)
              --warmup=SECONDS     unmeasured time per driver and workload before the rounds (default 3)
              --rounds=N           rounds; each round runs every driver once, in a rotated order (default 3)
              --workloads=A,B      workloads to run (default all): %s
              --drivers=A,B        drivers or families (default all): %s
              --markdown           print the table as Markdown
              --url=URL            an existing server (postgresql://user:password@host:port/db); also
                                   PGASYNC_BENCH_URL. Default: the test harness's throwaway cluster
              --smoke              CI smoke: every workload and driver for a short window, smaller bulk sizes;
                                   exit status 1 when any workload fails
            """;

    double durationSeconds = 5;
    double warmupSeconds = 3;
    int rounds = 3;
    Set<Workload> workloads = EnumSet.allOf(Workload.class);
    Set<DriverId> drivers = EnumSet.allOf(DriverId.class);
    boolean markdown;
    boolean smoke;
    String url = System.getenv("PGASYNC_BENCH_URL");
    Workload.Sizes sizes = Workload.Sizes.FULL;

    static Options parse(String[] args) {
        Options o = new Options();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--duration" -> o.durationSeconds = positive(name, value);
                case "--warmup" -> o.warmupSeconds = Double.parseDouble(require(name, value));
                case "--rounds" -> o.rounds = (int) positive(name, value);
                case "--workloads" -> o.workloads = workloads(require(name, value));
                case "--drivers" -> o.drivers = drivers(require(name, value));
                case "--markdown" -> o.markdown = true;
                case "--url" -> o.url = require(name, value);
                case "--smoke" -> {
                    o.smoke = true;
                    o.durationSeconds = 0.4;
                    o.warmupSeconds = 0;
                    o.rounds = 1;
                    o.sizes = Workload.Sizes.SMOKE;
                }
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return o;
    }

    static String usage() {
        List<String> w = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            w.add(workload.label);
        }
        List<String> d = new ArrayList<>();
        for (DriverId id : DriverId.values()) {
            d.add(id.id);
        }
        return USAGE.formatted(String.join(", ", w), String.join(", ", d));
    }

    private static String require(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }

    private static double positive(String name, String value) {
        double d = Double.parseDouble(require(name, value));
        if (!(d > 0)) {
            throw new IllegalArgumentException(name + " must be greater than 0, not " + value);
        }
        return d;
    }

    private static Set<Workload> workloads(String list) {
        Set<Workload> set = EnumSet.noneOf(Workload.class);
        for (String name : list.split(",")) {
            String n = name.trim();
            boolean found = false;
            for (Workload w : Workload.values()) {
                if (w.label.equals(n) || w.label.startsWith(n + "-")) {
                    set.add(w);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("unknown workload " + n);
            }
        }
        return set;
    }

    private static Set<DriverId> drivers(String list) {
        Set<DriverId> set = EnumSet.noneOf(DriverId.class);
        for (String name : list.split(",")) {
            String n = name.trim();
            boolean found = false;
            for (DriverId d : DriverId.values()) {
                if (d.id.equals(n) || d.family().equals(n)) {
                    set.add(d);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("unknown driver " + n);
            }
        }
        return set;
    }
}
