package io.pgasync.it.pool;

import static io.pgasync.it.pool.PoolTestSupport.abbreviate;
import static io.pgasync.it.pool.PoolTestSupport.assertSettled;
import static io.pgasync.it.pool.PoolTestSupport.await;
import static io.pgasync.it.pool.PoolTestSupport.awaitTrue;
import static io.pgasync.it.pool.PoolTestSupport.backends;
import static io.pgasync.it.pool.PoolTestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.exception.AdminShutdownException;
import io.pgasync.exception.PgConnectionReleasedException;
import io.pgasync.exception.PgPoolClosedException;
import io.pgasync.exception.PgPoolTimeoutException;
import io.pgasync.observability.PgPoolListener;
import io.pgasync.observability.PgPoolListener.CloseReason;
import io.pgasync.testing.PgTest;
import io.pgasync.testing.PgTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A pool's life against PostgreSQL: validation, lifetimes, hooks, leak detection, the server ending connections,
 * expiry, new connect arguments, listeners, close and terminate.
 */
@PgTest
class PoolLifecycleIT {

    private PgTestServer server;
    private String app;
    private PgPool pool;

    @BeforeEach
    void setUp(PgTestServer server, TestInfo info) {
        this.server = server;
        this.app = PoolTestSupport.appName(abbreviate(info.getTestMethod().orElseThrow().getName()));
    }

    @AfterEach
    void tearDown() {
        if (pool != null) {
            await(pool.close(Duration.ofSeconds(5)));
            assertThat(backends(server, app)).isZero();
        }
    }

    private int pidOfNextConnection() {
        return await(pool.withConnection(c -> CompletableFuture.completedFuture(c.getServerPid())));
    }

    /** SRV-01: the server ends an idle connection; the next acquire gets a fresh one within 100 ms, 20 times over. */
    @Test
    void anIdleConnectionTerminatedByTheServerIsReplacedForTheNextAcquire() {
        List<CloseReason> closes = new CopyOnWriteArrayList<>();
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(1).maxSize(1)
                .listener(new PgPoolListener() {
                    @Override
                    public void onClose(CloseReason reason) {
                        closes.add(reason);
                    }
                }).build());
        awaitTrue("the minimum is open", () -> pool.getIdleSize() == 1);
        long worst = 0;
        for (int i = 0; i < 20; i++) {
            int pid = pidOfNextConnection();
            server.execute("SELECT pg_terminate_backend(" + pid + ")");
            awaitTrue("the backend is gone", () -> server.queryColumn(
                    "SELECT 1 FROM pg_stat_activity WHERE pid = " + pid).isEmpty());
            long start = System.nanoTime();
            PgPooledConnection conn = await(pool.acquire(Duration.ofMillis(100)));
            Object one = await(conn.fetchVal("SELECT 1"));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(one).isEqualTo(1);
            assertThat(conn.getServerPid()).isNotEqualTo(pid);
            conn.release();
            worst = Math.max(worst, elapsed);
        }
        assertThat(worst).as("worst acquire-and-query time after a terminate, ms").isLessThanOrEqualTo(100);
        assertThat(closes).hasSize(20).containsOnly(CloseReason.BROKEN);
        assertSettled(server, pool, app);
    }

    /** SRV-02: the server ends a connection in use; the caller gets the server's error, the pool replaces it. */
    @Test
    void aConnectionTerminatedWhileInUseFailsItsQueryAndIsReplaced() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        PgPooledConnection conn = await(pool.acquire());
        int pid = conn.getServerPid();
        CompletableFuture<Object> sleeping = conn.fetchVal("SELECT pg_sleep(30)");
        awaitTrue("the query runs", () -> !server.queryColumn(
                "SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND pid = " + pid).isEmpty());
        server.execute("SELECT pg_terminate_backend(" + pid + ")");
        assertThat(failure(sleeping)).isInstanceOf(AdminShutdownException.class);
        await(conn.release());
        assertThat(pidOfNextConnection()).isNotEqualTo(pid);
        assertSettled(server, pool, app);
    }

    @Test
    void aConnectionIdleLongerThanTheThresholdIsValidatedBeforeItIsHandedOut() {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(1).maxSize(1)
                .validateAfterIdle(Duration.ZERO).validationQuery("SELECT 'validated'").build());
        int pid = pidOfNextConnection();
        PgPooledConnection conn = await(pool.acquire());
        assertThat(conn.getServerPid()).isEqualTo(pid);
        // the last thing this backend ran is the validation, just before the hand-out
        assertThat(server.queryColumn("SELECT query FROM pg_stat_activity WHERE pid = " + pid))
                .containsExactly("SELECT 'validated'");
        conn.release();
        assertSettled(server, pool, app);
    }

    @Test
    void aBrokenValidationQueryDoesNotMakeThePoolReplaceConnectionsInALoop() {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(1).maxSize(1)
                .validateAfterIdle(Duration.ZERO).validationQuery("SELEKT 1").build());
        int pid = pidOfNextConnection();
        for (int i = 0; i < 5; i++) {
            assertThat(pidOfNextConnection()).isEqualTo(pid);
        }
        assertThat(pool.stats().totalCreated()).isEqualTo(1);
        assertSettled(server, pool, app);
    }

    @Test
    void aConnectionUsedRecentlyIsHandedOutWithoutARoundTrip() {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(1).maxSize(1)
                .validateAfterIdle(Duration.ofMinutes(1)).validationQuery("SELECT 'validated'").build());
        int pid = pidOfNextConnection();
        PgPooledConnection conn = await(pool.acquire());
        assertThat(server.queryColumn("SELECT query FROM pg_stat_activity WHERE pid = " + pid).get(0))
                .contains("RESET ALL");
        conn.release();
        assertSettled(server, pool, app);
    }

    @Test
    void idleConnectionsArePingedByTheKeepalive() {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(1).maxSize(1)
                .keepaliveTime(Duration.ofMillis(200)).validationQuery("SELECT 'keepalive ping'").build());
        awaitTrue("the minimum is open", () -> pool.getIdleSize() == 1);
        awaitTrue("a ping ran", Duration.ofSeconds(5), () -> server.queryColumn(
                "SELECT query FROM pg_stat_activity WHERE application_name = '" + app + "'")
                .contains("SELECT 'keepalive ping'"));
        assertSettled(server, pool, app);
    }

    /** POOL-03: a connection held past the threshold is reported once with the acquiring stack, not taken away. */
    @Test
    void aConnectionHeldPastTheLeakThresholdIsReportedWithTheStackThatAcquiredIt() {
        Captured log = Captured.install();
        List<Throwable> suspected = new CopyOnWriteArrayList<>();
        try {
            pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1)
                    .leakDetectionThreshold(Duration.ofMillis(300)).listener(new PgPoolListener() {
                        @Override
                        public void onLeakSuspected(Duration heldFor, Throwable acquiredAt) {
                            assertThat(heldFor).isGreaterThanOrEqualTo(Duration.ofMillis(300));
                            suspected.add(acquiredAt);
                        }
                    }).build());
            PgPooledConnection conn = acquireForTheLeakTest();
            awaitTrue("the leak is reported", () -> !suspected.isEmpty());
            LogRecord warning = log.records.stream().filter(r -> r.getLevel() == Level.WARNING).findFirst()
                    .orElseThrow();
            assertThat(warning.getMessage()).contains("Connection leak suspected in pool '" + app + "'")
                    .contains("leakDetectionThreshold (300 ms)");
            assertThat(warning.getThrown().getStackTrace())
                    .anyMatch(e -> e.getMethodName().equals("acquireForTheLeakTest"));
            assertThat(suspected).hasSize(1);
            assertThat(pool.stats().totalLeaksSuspected()).isEqualTo(1);
            // not taken away
            assertThat(await(conn.fetchVal("SELECT 'still mine'"))).isEqualTo("still mine");
            await(conn.release());
            assertThat(log.records).anyMatch(r -> r.getLevel() == Level.INFO
                    && r.getMessage().contains("reported as a suspected leak was released"));
            assertSettled(server, pool, app);
        } finally {
            log.uninstall();
        }
    }

    private PgPooledConnection acquireForTheLeakTest() {
        return await(pool.acquire());
    }

    @Test
    void aConnectionIsReplacedAfterMaxQueries() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).maxQueries(5).build());
        PgPooledConnection conn = await(pool.acquire());
        int pid = conn.getServerPid();
        for (int i = 0; i < 5; i++) {
            await(conn.fetchVal("SELECT 1"));
        }
        await(conn.release());
        awaitTrue("the old backend is gone", () -> server.queryColumn(
                "SELECT 1 FROM pg_stat_activity WHERE pid = " + pid).isEmpty());
        assertThat(pidOfNextConnection()).isNotEqualTo(pid);
        assertSettled(server, pool, app);
    }

    /** POOL-09: idle connections are replaced at their lifetime, acquired ones only when released. */
    @Test
    void connectionsAreRetiredAtMaxLifetimeButNeverWhileInUse() {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(2).maxSize(3)
                .maxLifetime(Duration.ofMillis(600)).build());
        awaitTrue("the minimum is open", () -> pool.getIdleSize() == 2);
        PgPooledConnection held = await(pool.acquire());
        int heldPid = held.getServerPid();
        Set<String> first = new HashSet<>(server.queryColumn(
                "SELECT pid FROM pg_stat_activity WHERE application_name = '" + app + "'"));
        first.remove(String.valueOf(heldPid));
        awaitTrue("the idle original is replaced", () -> {
            List<String> now = server.queryColumn(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = '" + app + "'");
            return now.stream().noneMatch(first::contains) && pool.getIdleSize() >= 1;
        });
        // held past its lifetime: still usable
        assertThat(await(held.fetchVal("SELECT 'alive'"))).isEqualTo("alive");
        await(held.release());
        awaitTrue("the held one is closed on release", () -> server.queryColumn(
                "SELECT 1 FROM pg_stat_activity WHERE pid = " + heldPid).isEmpty());
        awaitTrue("the minimum is kept", () -> pool.getSize() >= 2);
        pool.close(Duration.ofSeconds(5)).join();
        pool = null;
        awaitTrue("gone", () -> backends(server, app) == 0);
    }

    @Test
    void idleConnectionsAboveTheMinimumCloseAfterMaxInactiveLifetime() {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(1).maxSize(3)
                .maxInactiveLifetime(Duration.ofMillis(300)).build());
        List<PgPooledConnection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(await(pool.acquire()));
        }
        assertThat(backends(server, app)).isEqualTo(3);
        for (PgPooledConnection c : held) {
            await(c.release());
        }
        awaitTrue("back to the minimum", () -> pool.getSize() == 1 && backends(server, app) == 1);
        assertSettled(server, pool, app);
    }

    @Test
    void initRunsOncePerConnectionSetupBeforeEachHandOutResetOnEachRelease() {
        AtomicInteger inits = new AtomicInteger();
        AtomicInteger setups = new AtomicInteger();
        AtomicInteger resets = new AtomicInteger();
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1)
                .init(c -> {
                    inits.incrementAndGet();
                    return c.execute("CREATE TEMP TABLE init_marker (v int)");
                })
                .setup(c -> {
                    setups.incrementAndGet();
                    return c.execute("SELECT set_config('pgasync.setup', $1, false)", "n" + setups.get());
                })
                .reset(c -> {
                    resets.incrementAndGet();
                    return c.reset();
                })
                .build());
        for (int i = 1; i <= 3; i++) {
            int round = i;
            Object setting = await(pool.withConnection(c -> c.fetchVal("SELECT current_setting('pgasync.setup')")));
            assertThat(setting).isEqualTo("n" + (2 * round - 1));
            Object marker = await(pool.fetchVal("SELECT count(*) FROM pg_temp.init_marker"));
            assertThat(marker).isEqualTo(0L);
        }
        awaitTrue("resets ran", () -> resets.get() == 6);
        assertThat(inits.get()).isEqualTo(1);
        assertThat(setups.get()).isEqualTo(6);
        assertSettled(server, pool, app);
    }

    /**
     * The shortcuts release on the event loop with nothing in flight, so the default reset is pipelined ahead of the
     * next call: the next call must still see the reset session, every time.
     */
    @Test
    void aPipelinedResetStillRunsBeforeTheNextCallersStatements() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        int pid = (Integer) await(pool.fetchVal("SELECT pg_backend_pid()"));
        for (int i = 0; i < 200; i++) {
            CompletableFuture<String> dirty = switch (i % 3) {
                case 0 -> pool.execute("SET search_path TO pg_catalog");
                case 1 -> pool.execute("LISTEN pipelined_reset_" + i);
                default -> pool.execute("SELECT pg_advisory_lock(" + i + ")");
            };
            CompletableFuture<Object> check = pool.fetchVal("SELECT current_setting('search_path') || '|'"
                    + " || (SELECT count(*) FROM pg_listening_channels()) || '|'"
                    + " || (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid())");
            await(dirty);
            assertThat(await(check)).as("round %d", i).isEqualTo("\"$user\", public|0|0");
        }
        assertThat(await(pool.fetchVal("SELECT pg_backend_pid()"))).isEqualTo(pid);
        assertSettled(server, pool, app);
    }

    /** POOL-05: what a borrower leaves behind (transaction, settings, locks, LISTEN) is gone for the next one. */
    @Test
    void theDefaultResetGivesTheNextBorrowerACleanSession() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).build());
        PgPooledConnection dirty = await(pool.acquire());
        int pid = dirty.getServerPid();
        await(dirty.execute("SET search_path TO pg_catalog"));
        await(dirty.execute("LISTEN pool_reset_test"));
        await(dirty.execute("SELECT pg_advisory_lock(4242)"));
        await(dirty.execute("BEGIN"));
        await(dirty.execute("CREATE TEMP TABLE left_in_tx (v int)"));
        assertThat(dirty.isInTransaction()).isTrue();
        await(dirty.release());
        PgPooledConnection next = await(pool.acquire());
        assertThat(next.getServerPid()).isEqualTo(pid);
        assertThat(next.isInTransaction()).isFalse();
        assertThat(await(next.fetchVal("SELECT current_setting('search_path')"))).isEqualTo("\"$user\", public");
        assertThat(await(next.fetchVal("SELECT count(*) FROM pg_listening_channels()"))).isEqualTo(0L);
        assertThat(await(next.fetchVal("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = "
                + pid))).isEqualTo(0L);
        assertThat(await(next.fetchVal("SELECT to_regclass('pg_temp.left_in_tx') IS NULL"))).isEqualTo(true);
        assertThat(await(next.fetchVal("SELECT txid_current_if_assigned() IS NULL"))).isEqualTo(true);
        next.release();
        assertSettled(server, pool, app);
    }

    @Test
    void aFailingResetHookClosesTheConnection() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1)
                .reset(c -> c.execute("SELECT 1/0")).build());
        int pid = pidOfNextConnection();
        awaitTrue("the connection is closed", () -> server.queryColumn(
                "SELECT 1 FROM pg_stat_activity WHERE pid = " + pid).isEmpty());
        assertThat(pidOfNextConnection()).isNotEqualTo(pid);
        assertSettled(server, pool, app);
    }

    @Test
    void aFailingSetupHookFailsTheAcquireWithItsError() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1)
                .setup(c -> c.execute("SELECT * FROM setup_table_that_does_not_exist")).build());
        assertThat(failure(pool.acquire())).hasMessageContaining("setup_table_that_does_not_exist");
        assertSettled(server, pool, app);
        assertThat(pool.getSize()).isZero();
    }

    @Test
    void expireConnectionsReplacesIdleConnectionsNowAndAcquiredOnesOnRelease() {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(2).maxSize(2).build());
        awaitTrue("the minimum is open", () -> pool.getIdleSize() == 2);
        PgPooledConnection held = await(pool.acquire());
        int heldPid = held.getServerPid();
        List<String> before = server.queryColumn(
                "SELECT pid FROM pg_stat_activity WHERE application_name = '" + app + "'");
        pool.expireConnections();
        awaitTrue("the idle one is replaced", () -> pool.getIdleSize() == 1 && server.queryColumn(
                "SELECT pid FROM pg_stat_activity WHERE application_name = '" + app + "'").size() == 2
                && !server.queryColumn("SELECT pid FROM pg_stat_activity WHERE application_name = '" + app + "'")
                        .containsAll(before));
        assertThat(await(held.fetchVal("SELECT 1"))).isEqualTo(1);
        await(held.release());
        awaitTrue("the held one is replaced too", () -> server.queryColumn(
                "SELECT 1 FROM pg_stat_activity WHERE pid = " + heldPid).isEmpty() && pool.getIdleSize() == 2);
        List<String> after = server.queryColumn(
                "SELECT pid FROM pg_stat_activity WHERE application_name = '" + app + "'");
        assertThat(after).doesNotContainAnyElementsOf(before);
        assertSettled(server, pool, app);
    }

    @Test
    void setConnectArgsAppliesToNewConnections() {
        String newApp = app + "_v2";
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(1).maxSize(1).build());
        awaitTrue("the minimum is open", () -> pool.getIdleSize() == 1);
        pool.setConnectArgs(PoolTestSupport.connectOptions(server, newApp));
        assertThat(backends(server, app)).isEqualTo(1);
        pool.expireConnections();
        awaitTrue("reconnected with the new arguments", () -> backends(server, newApp) == 1
                && backends(server, app) == 0);
        Object name = await(pool.fetchVal("SELECT current_setting('application_name')"));
        assertThat(name).isEqualTo(newApp);
        await(pool.close(Duration.ofSeconds(5)));
        pool = null;
        awaitTrue("gone", () -> backends(server, newApp) == 0);
    }

    /** POOL-10: close refuses new work at once, waits for acquired connections, then every backend is gone. */
    @Test
    void closeWaitsForAcquiredConnectionsThenEveryBackendIsGone() {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(3).maxSize(3).build());
        awaitTrue("the minimum is open", () -> pool.getIdleSize() == 3);
        PgPooledConnection held = await(pool.acquire());
        CompletableFuture<Object> inFlight = held.fetchVal("SELECT pg_sleep(0.2)::text || 'done'");
        CompletableFuture<Void> closed = pool.close(Duration.ofSeconds(10));
        assertThat(failure(pool.acquire())).isInstanceOf(PgPoolClosedException.class)
                .hasMessageContaining("closed");
        assertThat(failure(pool.fetchVal("SELECT 1"))).isInstanceOf(PgPoolClosedException.class);
        assertThat(pool.isClosed()).isTrue();
        awaitTrue("idle connections close", () -> backends(server, app) == 1);
        assertThat(await(inFlight)).isEqualTo("done");
        assertThat(closed).isNotDone();
        long released = System.nanoTime();
        held.release();
        await(closed);
        awaitTrue("every backend is gone within 1 s", Duration.ofSeconds(1), () -> backends(server, app) == 0);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released)).isLessThan(1000);
        assertThat(pool.getSize()).isZero();
        pool = null;
    }

    @Test
    void closeWithATimeoutTerminatesConnectionsStillAcquired() {
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(2).build());
        PgPooledConnection held = await(pool.acquire());
        await(pool.close(Duration.ofMillis(300)));
        awaitTrue("every backend is gone", Duration.ofSeconds(1), () -> backends(server, app) == 0);
        assertThat(held.isReleased()).isTrue();
        assertThat(failure(held.fetchVal("SELECT 1"))).isInstanceOf(PgConnectionReleasedException.class)
                .hasMessageContaining("terminated");
        pool = null;
    }

    @Test
    void terminateClosesEverythingAtOnce() {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(2).maxSize(3).build());
        awaitTrue("the minimum is open", () -> pool.getIdleSize() == 2);
        PgPooledConnection held = await(pool.acquire());
        CompletableFuture<Object> sleeping = held.fetchVal("SELECT pg_sleep(30)");
        pool.terminate();
        assertThat(failure(sleeping)).isNotNull();
        awaitTrue("every backend is gone", Duration.ofSeconds(1), () -> backends(server, app) == 0);
        assertThat(await(pool.close())).isNull();
        assertThat(failure(pool.acquire())).isInstanceOf(PgPoolClosedException.class);
        pool = null;
    }

    @Test
    void connectWaitsForTheMinimumAndFailsFastOnABadPassword() {
        pool = await(PgPool.connect(PoolTestSupport.options(server, app).minSize(3).build()));
        assertThat(pool.getIdleSize()).isEqualTo(3);
        assertThat(backends(server, app)).isEqualTo(3);
        String badUrl = "postgresql://" + server.mainRole().name() + ":wrong-password@" + server.host() + ":"
                + server.port() + "/" + server.database() + "?sslmode=disable&application_name=" + app + "_bad";
        long start = System.nanoTime();
        Throwable error = failure(PgPool.connect(io.pgasync.PoolOptions.builder().connect(badUrl).minSize(1)
                .build()));
        assertThat(error).isInstanceOf(io.pgasync.exception.InvalidPasswordException.class);
        assertThat(error.getMessage()).doesNotContain("wrong-password");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
        assertSettled(server, pool, app);
    }

    @Test
    void theListenerHearsEveryKindOfEvent() {
        List<String> events = new CopyOnWriteArrayList<>();
        List<Duration> durations = new CopyOnWriteArrayList<>();
        pool = PgPool.create(PoolTestSupport.options(server, app).maxSize(1).maxQueries(1)
                .leakDetectionThreshold(Duration.ofMillis(200)).build());
        pool.addPoolListener(new PgPoolListener() {
            @Override
            public void onAcquire(Duration waitTime) {
                events.add("acquire");
                durations.add(waitTime);
            }

            @Override
            public void onRelease(Duration holdTime) {
                events.add("release");
                durations.add(holdTime);
            }

            @Override
            public void onCreate(Duration duration) {
                events.add("create");
                durations.add(duration);
            }

            @Override
            public void onClose(CloseReason reason) {
                events.add("close:" + reason);
            }

            @Override
            public void onAcquireTimeout(Duration timeout) {
                events.add("timeout");
            }

            @Override
            public void onLeakSuspected(Duration heldFor, Throwable acquiredAt) {
                events.add("leak");
            }
        });
        PgPooledConnection conn = await(pool.acquire());
        await(conn.execute("SELECT 1"));
        failure(pool.acquire(Duration.ofMillis(50)));
        awaitTrue("leak heard", () -> events.contains("leak"));
        await(conn.release());
        awaitTrue("closed after maxQueries", () -> events.contains("close:MAX_QUERIES"));
        assertThat(events).containsExactly("create", "acquire", "timeout", "leak", "release", "close:MAX_QUERIES");
        assertThat(durations).allMatch(d -> !d.isNegative());
        assertThat(durations.get(0)).isPositive(); // creating takes some time
        assertSettled(server, pool, app);
    }

    /** POOL-04 and POOL-06: churn with cancellations, timeouts and discards; no cross-talk, figures exact. */
    @Test
    void theFiguresStayExactAndNoAnswerCrossesUnderConcurrentChurn() throws Exception {
        pool = PgPool.create(PoolTestSupport.options(server, app).minSize(1).maxSize(4)
                .acquireTimeout(Duration.ofSeconds(5)).build());
        int threads = 8;
        int iterations = 1000; // the fake-connection unit test runs 8 x 2000 at memory speed
        AtomicInteger crossTalk = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                for (int i = 0; i < iterations; i++) {
                    int marker = thread * iterations + i;
                    int action = random.nextInt(50);
                    CompletableFuture<PgPooledConnection> f = pool.acquire(Duration.ofMillis(random.nextInt(5, 200)));
                    if (action == 0) { // give up the wait
                        if (!f.cancel(false)) {
                            f.join().release();
                        }
                        continue;
                    }
                    PgPooledConnection c;
                    try {
                        c = f.get(30, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (!(e.getCause() instanceof PgPoolTimeoutException)) {
                            unexpected.add(e.getCause());
                        }
                        continue;
                    }  catch (Exception e) {
                        unexpected.add(e);
                        continue;
                    }
                    try {
                        if (action == 3) { // a failing query leaves the connection usable
                            CompletableFuture<Object> bad = c.fetchVal("SELECT 1 / $1::int", 0);
                            try {
                                bad.get(30, TimeUnit.SECONDS);
                                unexpected.add(new AssertionError("division by zero succeeded"));
                            } catch (java.util.concurrent.ExecutionException expected) {
                                if (!(expected.getCause() instanceof io.pgasync.exception.DivisionByZeroException)) {
                                    unexpected.add(expected.getCause());
                                }
                            }
                        }
                        CompletableFuture<Object> q = c.fetchVal("SELECT $1::int", marker);
                        if (action == 1) { // cancel the query
                            q.cancel(true);
                        } else {
                            Object got = q.get(30, TimeUnit.SECONDS);
                            if (!Integer.valueOf(marker).equals(got)) {
                                crossTalk.incrementAndGet();
                            }
                            served.incrementAndGet();
                        }
                    } catch (Exception e) {
                        unexpected.add(e);
                    }
                    if (action == 2) {
                        c.terminate();
                    } else {
                        c.release();
                    }
                }
            }, "churn-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(worker.isAlive()).as("worker finished").isFalse();
        }
        assertThat(unexpected).isEmpty();
        assertThat(crossTalk.get()).isZero();
        assertThat(served.get()).isGreaterThan(threads * iterations / 2);
        assertSettled(server, pool, app);
        assertThat(pool.getSize()).isBetween(1, 4);
        // every answer after the churn is still each caller's own
        for (int i = 0; i < 50; i++) {
            Object got = await(pool.fetchVal("SELECT $1::int", i));
            assertThat(got).isEqualTo(i);
        }
    }

    /** Collects what the pool logs. */
    static final class Captured extends Handler {
        final List<LogRecord> records = new CopyOnWriteArrayList<>();
        private final Logger logger = Logger.getLogger("io.pgasync.pool");

        static Captured install() {
            Captured c = new Captured();
            c.logger.addHandler(c);
            return c;
        }

        void uninstall() {
            logger.removeHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
