package io.pgasync.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The machine the run is on, read at run time for the table's header. */
final class Machine {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Machine() {
    }

    static List<String> describe(String postgres, String server) {
        List<String> lines = new ArrayList<>();
        lines.add("CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores (shared by the client and the server)");
        lines.add("memory: " + OS.getTotalMemorySize() / (1024 * 1024 * 1024) + " GiB; OS: "
                + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        lines.add("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, GC "
                + String.join(" + ", gcs));
        lines.add("server: " + postgres + ", " + server);
        lines.add("Netty " + Server.buildProperty("netty.version") + " for every driver; load average at start "
                + String.format("%.2f", loadAverage()));
        return lines;
    }

    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture will do
        }
        return System.getProperty("os.arch");
    }
}
