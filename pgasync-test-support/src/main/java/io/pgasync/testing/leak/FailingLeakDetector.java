package io.pgasync.testing.leak;

import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * A Netty {@link ResourceLeakDetector} that records every leak report so a test can fail on it, instead of
 * only logging it.
 *
 * <p>Installed for every test JVM by the build ({@code -Dio.netty.customResourceLeakDetector=...}, together
 * with {@code -Dio.netty.leakDetection.level=paranoid}); {@link LeakCheckExtension} drains the recorded
 * reports after each test and fails the test if there are any. The reports are still logged as Netty
 * normally does, so the access records appear in the test output too.
 *
 * @param <T> the tracked resource type
 */
public final class FailingLeakDetector<T> extends ResourceLeakDetector<T> {

    private static final List<String> REPORTS = new ArrayList<>();

    /**
     * Called reflectively by Netty's {@code ResourceLeakDetectorFactory}.
     *
     * @param resourceType the tracked resource class
     * @param samplingInterval the sampling interval (ignored at the paranoid level)
     */
    public FailingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    /**
     * Called reflectively by Netty's {@code ResourceLeakDetectorFactory} (older constructor shape).
     *
     * @param resourceType the tracked resource class
     * @param samplingInterval the sampling interval (ignored at the paranoid level)
     * @param maxActive ignored
     */
    @SuppressWarnings("deprecation")
    public FailingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        super(resourceType, samplingInterval, maxActive);
    }

    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        record("LEAK: " + resourceType + ".release() was not called before it was garbage-collected." + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        record("LEAK: " + resourceType + ".release() was not called before it was garbage-collected"
                + " (no access records; run at the paranoid level to see them).");
        super.reportUntracedLeak(resourceType);
    }

    private static void record(String report) {
        synchronized (REPORTS) {
            REPORTS.add(report);
        }
    }

    /**
     * Returns and clears the leak reports recorded so far.
     *
     * @return the reports, oldest first; empty when nothing leaked
     */
    public static List<String> drainReports() {
        synchronized (REPORTS) {
            List<String> copy = List.copyOf(REPORTS);
            REPORTS.clear();
            return copy;
        }
    }

    /**
     * Whether this detector is the one Netty installed for {@code ByteBuf}s in this JVM.
     *
     * @return true when the build's system properties selected this class
     */
    public static boolean isInstalled() {
        return FailingLeakDetector.class.getName().equals(System.getProperty("io.netty.customResourceLeakDetector"));
    }
}
