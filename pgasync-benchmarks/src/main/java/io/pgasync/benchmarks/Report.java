package io.pgasync.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's one table: each workload's drivers, their figures, and each figure as a ratio to the baseline's. */
final class Report {

    private static final String[] HEADER = {"workload", "driver", "throughput", "p50", "p99", "CPU/unit",
        "alloc/unit", "peak heap", "thr x", "p50 x", "CPU x", "alloc x"};

    private final Map<Workload, Map<DriverId, Runner.Result>> results = new LinkedHashMap<>();
    private final Workload.Sizes sizes;

    Report(Workload.Sizes sizes) {
        this.sizes = sizes;
    }

    void add(Workload workload, DriverId driver, Runner.Result result) {
        results.computeIfAbsent(workload, w -> new LinkedHashMap<>())
                .computeIfAbsent(driver, d -> new Runner.Result()).add(result);
    }

    Runner.Result result(Workload workload, DriverId driver) {
        Map<DriverId, Runner.Result> m = results.get(workload);
        return m == null ? null : m.get(driver);
    }

    /** The driver every ratio of a workload is relative to: Vert.x where it has the API, pgjdbc otherwise. */
    static DriverId baseline(Map<DriverId, Runner.Result> rows) {
        for (DriverId d : new DriverId[] {DriverId.VERTX, DriverId.VERTX_CONN, DriverId.PGJDBC}) {
            Runner.Result r = rows.get(d);
            if (r != null && r.error == null && r.operations > 0) {
                return d;
            }
        }
        return null;
    }

    String render(boolean markdown) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<Workload, Map<DriverId, Runner.Result>> e : results.entrySet()) {
            Workload w = e.getKey();
            DriverId base = baseline(e.getValue());
            Runner.Result b = base == null ? null : e.getValue().get(base);
            for (Map.Entry<DriverId, Runner.Result> d : e.getValue().entrySet()) {
                Runner.Result r = d.getValue();
                String label = d.getKey().label + (d.getKey() == base ? " (base)" : "");
                if (r.error != null || r.operations == 0) {
                    rows.add(new String[] {w.label, label, "ERROR", message(r), "", "", "", "", "", "", "", ""});
                    continue;
                }
                double units = (double) r.operations * w.unitsPerOperation(sizes);
                double rate = units / (r.elapsedNanos / 1e9);
                double cpu = r.cpuNanos / units;
                double alloc = r.allocatedBytes / units;
                long p50 = r.latencies.percentile(50);
                long p99 = r.latencies.percentile(99);
                String[] row = {w.label, label, count(rate) + " " + w.unit + "/s", nanos(p50), nanos(p99),
                    nanos(cpu), bytes(alloc), r.peakHeapBytes < 0 ? "" : bytes(r.peakHeapBytes), "", "", "", ""};
                if (b != null) {
                    double bUnits = (double) b.operations * w.unitsPerOperation(sizes);
                    row[8] = ratio(rate / (bUnits / (b.elapsedNanos / 1e9)));
                    row[9] = ratio((double) p50 / b.latencies.percentile(50));
                    row[10] = ratio(cpu / (b.cpuNanos / bUnits));
                    row[11] = ratio(alloc / (b.allocatedBytes / bUnits));
                }
                rows.add(row);
            }
        }
        return markdown ? markdown(rows) : plain(rows);
    }

    private static String message(Runner.Result r) {
        if (r.error == null) {
            return "no operation completed";
        }
        Throwable t = r.error;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        String m = t.getClass().getSimpleName() + ": " + t.getMessage();
        return m.replace('|', '/').replace('\n', ' ');
    }

    private static String markdown(List<String[]> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append('|');
        for (String h : HEADER) {
            sb.append(' ').append(h).append(" |");
        }
        sb.append("\n|");
        for (int i = 0; i < HEADER.length; i++) {
            sb.append(i < 2 ? " --- |" : " ---: |");
        }
        sb.append('\n');
        for (String[] row : rows) {
            sb.append('|');
            for (String c : row) {
                sb.append(' ').append(c).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String plain(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            widths[i] = HEADER[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean errorMessage = "ERROR".equals(row[2]) && i == 3;
                if (!errorMessage && row[i].length() > widths[i]) {
                    widths[i] = row[i].length();
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        appendPlain(sb, HEADER, widths);
        String previous = null;
        for (String[] row : rows) {
            if (previous != null && !previous.equals(row[0])) {
                sb.append('\n');
            }
            previous = row[0];
            appendPlain(sb, row, widths);
        }
        return sb.toString();
    }

    private static void appendPlain(StringBuilder sb, String[] row, int[] widths) {
        for (int i = 0; i < row.length; i++) {
            String c = row[i];
            if (i < 2) {
                sb.append(c).append(" ".repeat(Math.max(0, widths[i] - c.length())));
            } else {
                sb.append(" ".repeat(Math.max(0, widths[i] - c.length()))).append(c);
            }
            sb.append(i + 1 < row.length ? "  " : "");
        }
        sb.append('\n');
    }

    static String count(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String nanos(double ns) {
        if (ns >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
        }
        if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        if (ns >= 1e3) {
            return String.format(Locale.ROOT, "%.1f us", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", ns);
    }

    static String bytes(double b) {
        if (b >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (1024 * 1024));
        }
        if (b >= 10 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    boolean anyError() {
        for (Map<DriverId, Runner.Result> m : results.values()) {
            for (Runner.Result r : m.values()) {
                if (r.error != null || r.operations == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
