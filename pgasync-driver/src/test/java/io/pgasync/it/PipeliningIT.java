package io.pgasync.it;

import static io.pgasync.it.TestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgConnection;
import io.pgasync.exception.DivisionByZeroException;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many concurrent callers on one connection: pipelined, each with its own result, failures isolated. */
@PgTest
class PipeliningIT {

    private PgConnection conn;

    @BeforeEach
    void connect(PgTestServer server) {
        conn = TestSupport.connect(server);
    }

    @AfterEach
    void close() {
        TestSupport.close(conn);
    }

    @Test
    void thousandsOfConcurrentCallsGetTheirOwnResultsInOrder() {
        int n = 5000;
        List<CompletableFuture<Object>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i % 7 == 3) {
                futures.add(conn.fetchVal("SELECT $1::int / 0", i));
            } else if (i % 11 == 5) {
                futures.add(conn.fetchVal("SELECT $1::text || '-' || $2::int", "s", i));
            } else {
                futures.add(conn.fetchVal("SELECT $1::int * 2", i));
            }
        }
        for (int i = 0; i < n; i++) {
            CompletableFuture<Object> f = futures.get(i);
            if (i % 7 == 3) {
                int index = i;
                assertThat(f).failsWithin(TestSupport.WAIT).withThrowableOfType(Exception.class)
                        .satisfies(e -> assertThat(e.getCause()).as("call %d", index)
                                .isInstanceOf(DivisionByZeroException.class));
            } else if (i % 11 == 5) {
                assertThat(await(f)).isEqualTo("s-" + i);
            } else {
                assertThat(await(f)).isEqualTo(i * 2);
            }
        }
        assertThat(await(conn.fetchVal("SELECT 1"))).isEqualTo(1);
    }

    @Test
    void callsFromManyThreadsAreAllAnswered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    List<CompletableFuture<Integer>> mine = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        int v = thread * 1000 + i;
                        mine.add(conn.fetchVal("SELECT $1::int", Integer.class, v));
                    }
                    int sum = 0;
                    for (int i = 0; i < mine.size(); i++) {
                        int got = mine.get(i).join();
                        if (got != thread * 1000 + i) {
                            throw new CompletionException(new AssertionError("got " + got + " for " + i));
                        }
                        sum += got;
                    }
                    return sum;
                }, pool));
            }
            for (int t = 0; t < 8; t++) {
                int expected = 0;
                for (int i = 0; i < 300; i++) {
                    expected += t * 1000 + i;
                }
                assertThat(await(futures.get(t))).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void pipelinedTransactionKeepsSubmissionOrder() {
        await(conn.execute("DROP TABLE IF EXISTS pipe_it; CREATE TABLE pipe_it (i int)"));
        List<CompletableFuture<?>> steps = new ArrayList<>();
        steps.add(conn.execute("BEGIN"));
        for (int i = 0; i < 100; i++) {
            // a fresh SQL text every few calls forces prepare round trips in the middle of the pipeline
            steps.add(conn.execute("INSERT INTO pipe_it VALUES ($1)" + (i % 10 == 0 ? " -- " + i : ""), i));
        }
        steps.add(conn.execute("COMMIT"));
        CompletableFuture<Object> count = conn.fetchVal("SELECT count(*) FROM pipe_it");
        for (CompletableFuture<?> step : steps) {
            await(step);
        }
        assertThat(await(count)).isEqualTo(100L);
    }

    @Test
    void aPipelineLimitOfOneStillAnswersEverything(PgTestServer server) {
        PgConnection limited = TestSupport.connect(server, "pipelineLimit=1");
        try {
            List<CompletableFuture<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(limited.fetchVal("SELECT $1::int", i));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(await(futures.get(i))).isEqualTo(i);
            }
        } finally {
            TestSupport.close(limited);
        }
    }
}
