package io.pgasync.testing.leak;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when Netty reported a {@code ByteBuf} leak while it ran.
 *
 * <p>Registered for every test through JUnit's extension auto-detection
 * ({@code junit.jupiter.extensions.autodetection.enabled=true}, set by the build). Leak reports are produced
 * by Netty only when a leaked buffer has been garbage-collected and a later allocation polls the reference
 * queue; after each test this extension therefore runs the collector and then allocates and releases a
 * tracked buffer a few times, so a buffer leaked by the test is reported against that test rather than a
 * later one. Leaks found only after the last test of a class fail the class.
 */
public final class LeakCheckExtension implements AfterEachCallback, AfterAllCallback {

    private static final int COLLECTION_ROUNDS = 3;

    @Override
    public void afterEach(ExtensionContext context) {
        check(context.getDisplayName(), 1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context.getDisplayName(), COLLECTION_ROUNDS);
    }

    private static void check(String testName, int rounds) {
        if (ResourceLeakDetector.getLevel() == ResourceLeakDetector.Level.DISABLED) {
            return;
        }
        for (int i = 0; i < rounds; i++) {
            System.gc();
            pollLeakQueues();
        }
        List<String> reports = FailingLeakDetector.drainReports();
        if (!reports.isEmpty()) {
            throw new AssertionError(reports.size() + " Netty buffer leak(s) detected in " + testName + ":\n"
                    + String.join("\n\n", reports));
        }
    }

    /** Each tracked allocation makes the detector poll its queue of collected-but-unreleased buffers. */
    private static void pollLeakQueues() {
        for (int i = 0; i < 4; i++) {
            ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(16);
            pooled.release();
            ByteBuf heap = UnpooledByteBufAllocator.DEFAULT.heapBuffer(16);
            heap.release();
        }
    }
}
