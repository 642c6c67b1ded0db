package io.pgasync.testing.leak;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailingLeakDetectorTest {

    @Test
    void buildInstallsTheFailingDetectorAtTheParanoidLevel() {
        assertThat(FailingLeakDetector.isInstalled()).isTrue();
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void aLeakedBufferIsRecorded() {
        leakOneBuffer();
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 50 && reports.isEmpty(); i++) {
            System.gc();
            PooledByteBufAllocator.DEFAULT.directBuffer(8).release(); // polls the detector's queue
            reports.addAll(FailingLeakDetector.drainReports());
        }
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(0)).contains("LEAK").contains("leakOneBuffer");
    }

    @Test
    void releasedBuffersAreNotReported() {
        for (int i = 0; i < 100; i++) {
            PooledByteBufAllocator.DEFAULT.directBuffer(64).writeInt(i).release();
        }
        System.gc();
        PooledByteBufAllocator.DEFAULT.directBuffer(8).release();
        assertThat(FailingLeakDetector.drainReports()).isEmpty();
    }

    private static void leakOneBuffer() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(32);
        leaked.writeLong(42); // touched, never released
    }
}
