package io.pgasync.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client-side resources a window uses: process CPU time (every thread, GC and JIT included), bytes allocated
 * by all Java threads, and the heap left live after each garbage collection (for the streaming workload's peak).
 */
final class Resources {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** {@code getTotalThreadAllocatedBytes()} (JDK 21+) counts threads that have ended too; used when present. */
    private static final Method TOTAL_ALLOCATED = totalAllocatedMethod();

    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();
    private static volatile boolean listening;

    private Resources() {
    }

    /** A reading of the counters. */
    record Reading(long cpuNanos, long allocatedBytes, Map<Long, Long> perThread) {
    }

    static Reading read() {
        if (TOTAL_ALLOCATED != null) {
            try {
                return new Reading(OS.getProcessCpuTime(), (Long) TOTAL_ALLOCATED.invoke(THREADS), null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("could not read the allocated bytes", e);
            }
        }
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> perThread = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                perThread.put(ids[i], bytes[i]);
            }
        }
        return new Reading(OS.getProcessCpuTime(), -1, perThread);
    }

    /** CPU nanoseconds between two readings. */
    static long cpu(Reading before, Reading after) {
        return after.cpuNanos() - before.cpuNanos();
    }

    /**
     * Bytes allocated between two readings. On JDK 17 this sums the threads alive at the end (the harness's own
     * threads and every driver's event loops live for the whole run, so nothing is lost).
     */
    static long allocated(Reading before, Reading after) {
        if (after.perThread() == null) {
            return after.allocatedBytes() - before.allocatedBytes();
        }
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.perThread().entrySet()) {
            sum += e.getValue() - before.perThread().getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    /** Heap in use after a full collection: the baseline for the peak of a streaming window. */
    static long baselineHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Starts tracking the largest heap left live after a collection; {@link #peakAfterGc()} reads it. */
    static void resetPeak() {
        listenToCollections();
        PEAK_AFTER_GC.set(0);
    }

    /**
     * The largest heap in use right after a collection since {@link #resetPeak()}, or the heap in use now when it
     * is larger (a window too short for any collection).
     */
    static long peakAfterGc() {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long peak = PEAK_AFTER_GC.get();
        return peak == 0 ? now : peak;
    }

    private static synchronized void listenToCollections() {
        if (listening) {
            return;
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = 0;
                    for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                        used += usage.getUsed();
                    }
                    used -= nonHeapUsed(info);
                    PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }
        listening = true;
    }

    /** The after-GC map covers every pool the collector touched; the non-heap ones (metaspace, code) are removed. */
    private static long nonHeapUsed(GarbageCollectionNotificationInfo info) {
        long nonHeap = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.NON_HEAP) {
                MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (usage != null) {
                    nonHeap += usage.getUsed();
                }
            }
        }
        return nonHeap;
    }

    private static Method totalAllocatedMethod() {
        try {
            return com.sun.management.ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
