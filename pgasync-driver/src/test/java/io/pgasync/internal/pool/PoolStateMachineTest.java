package io.pgasync.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgasync.PgPool;
import io.pgasync.PgPooledConnection;
import io.pgasync.PoolOptions;
import io.pgasync.exception.InvalidPasswordException;
import io.pgasync.exception.PgConnectionException;
import io.pgasync.exception.PgConnectionReleasedException;
import io.pgasync.exception.PgErrorFields;
import io.pgasync.exception.PgPoolClosedException;
import io.pgasync.exception.PgPoolQueueFullException;
import io.pgasync.exception.PgPoolTimeoutException;
import io.pgasync.observability.PgPoolListener;
import io.pgasync.observability.PgPoolListener.CloseReason;
import io.pgasync.observability.PgPoolStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The pool's state machine against fake connections: every path ends with the connection back or closed and the
 * figures exact. The integration tests in {@code io.pgasync.it.pool} do the same against PostgreSQL.
 */
class PoolStateMachineTest {

    private final FakeFactory factory = new FakeFactory();
    private final List<PgPool> pools = new ArrayList<>();

    @AfterEach
    void tearDown() {
        for (PgPool pool : pools) {
            pool.terminate();
        }
        factory.close();
    }

    private PoolOptions.Builder options() {
        return PoolOptions.builder().connectionFactory(factory).allowShortDurations(true).minSize(0).maxSize(2)
                .acquireTimeout(Duration.ofSeconds(5)).validateAfterIdle(Duration.ofSeconds(10));
    }

    private PgPool pool(PoolOptions.Builder builder) {
        PgPool pool = PgPool.create(builder.build());
        pools.add(pool);
        return pool;
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("future did not complete", e);
        }
    }

    static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("future did not complete", e);
        }
        throw new AssertionError("the future succeeded");
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** The global expectations: nothing acquired or pending, the figures add up, fakes open == pool size. */
    private void assertSettled(PgPool pool) {
        awaitTrue("the pool settles", () -> {
            PgPoolStats s = pool.stats();
            return s.acquired() == 0 && s.pending() == 0 && s.maintenance() == 0 && s.creating() == 0
                    && factory.open() == s.size();
        });
        PgPoolStats s = pool.stats();
        assertThat(s.size()).isEqualTo(s.idle());
        assertThat(s.totalCreated() - s.totalClosed()).isEqualTo(s.size());
        assertThat(s.size()).isLessThanOrEqualTo(s.maxSize());
    }

    @Test
    void handsOutAndTakesBackWithExactFigures() {
        PgPool pool = pool(options());
        PgPooledConnection a = await(pool.acquire());
        PgPooledConnection b = await(pool.acquire());
        assertThat(pool.getAcquiredSize()).isEqualTo(2);
        assertThat(pool.getSize()).isEqualTo(2);
        await(a.release());
        await(b.release());
        assertThat(pool.getIdleSize()).isEqualTo(2);
        assertSettled(pool);
        assertThat(factory.made).allSatisfy(c -> assertThat(c.resets.get()).isEqualTo(1));
    }

    @Test
    void aReleasedConnectionRefusesEveryCall() {
        PgPool pool = pool(options());
        PgPooledConnection conn = await(pool.acquire());
        await(conn.release());
        assertThat(conn.isReleased()).isTrue();
        assertThat(conn.isClosed()).isTrue();
        assertThat(failure(conn.fetchVal("SELECT 1"))).isInstanceOf(PgConnectionReleasedException.class)
                .hasMessageContaining("acquire a connection again");
        assertThatThrownBy(conn::getServerPid).isInstanceOf(PgConnectionReleasedException.class);
        assertThat(failure(conn.asConnection().execute("SELECT 1")))
                .isInstanceOf(PgConnectionReleasedException.class);
        await(conn.release()); // idempotent
        assertSettled(pool);
    }

    @Test
    void anAcquireTimesOutWithinItsTimeoutAndSaysThePoolIsExhausted() {
        PgPool pool = pool(options().maxSize(1));
        PgPooledConnection held = await(pool.acquire());
        long start = System.nanoTime();
        Throwable error = failure(pool.acquire(Duration.ofMillis(150)));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(error).isInstanceOf(PgPoolTimeoutException.class).hasMessageContaining("exhausted")
                .hasMessageContaining("1 of 1 connections in use");
        assertThat(elapsed).isBetween(150L, 150L + 500L);
        assertThat(pool.getPendingAcquires()).isZero();
        assertThat(pool.stats().totalAcquireTimeouts()).isEqualTo(1);
        held.close();
        assertSettled(pool);
    }

    @Test
    void waitersAreServedInArrivalOrder() {
        PgPool pool = pool(options().maxSize(1));
        PgPooledConnection held = await(pool.acquire());
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<PgPooledConnection>> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            CompletableFuture<PgPooledConnection> f = pool.acquire();
            f.thenAccept(c -> {
                order.add(n);
                c.release();
            });
            waiting.add(f);
        }
        assertThat(pool.getPendingAcquires()).isEqualTo(20);
        held.release();
        for (CompletableFuture<PgPooledConnection> f : waiting) {
            await(f);
        }
        awaitTrue("all served", () -> order.size() == 20);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i);
        }
        assertThat(order).isEqualTo(expected);
        assertSettled(pool);
    }

    @Test
    void theWaiterQueueIsBoundedAndRefusesAtOnceWhenFull() {
        PgPool pool = pool(options().maxSize(1).maxPendingAcquires(3));
        PgPooledConnection held = await(pool.acquire());
        List<CompletableFuture<PgPooledConnection>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(pool.acquire());
        }
        CompletableFuture<PgPooledConnection> refused = pool.acquire();
        assertThat(refused).isCompletedExceptionally();
        assertThat(failure(refused)).isInstanceOf(PgPoolQueueFullException.class)
                .hasMessageContaining("3 callers are already waiting");
        held.release();
        for (CompletableFuture<PgPooledConnection> f : waiting) {
            await(f).release();
        }
        assertSettled(pool);
    }

    @Test
    void cancellingAPendingAcquireLosesNothing() {
        PgPool pool = pool(options().maxSize(1));
        PgPooledConnection held = await(pool.acquire());
        CompletableFuture<PgPooledConnection> pending = pool.acquire();
        assertThat(pool.getPendingAcquires()).isEqualTo(1);
        assertThat(pending.cancel(false)).isTrue();
        assertThat(pool.getPendingAcquires()).isZero();
        held.release();
        assertSettled(pool);
        assertThat(pool.getSize()).isEqualTo(1);
    }

    @Test
    void cancellingAnAcquireWhileItsConnectionIsBeingOpenedKeepsTheConnection() {
        factory.hold = true;
        PgPool pool = pool(options());
        CompletableFuture<PgPooledConnection> pending = pool.acquire();
        awaitTrue("an attempt starts", () -> factory.held.size() == 1);
        assertThat(pool.stats().creating()).isEqualTo(1);
        pending.cancel(false);
        factory.hold = false;
        factory.completeHeld();
        awaitTrue("the new connection is idle", () -> pool.getIdleSize() == 1);
        assertSettled(pool);
        assertThat(pool.stats().totalCreated()).isEqualTo(1);
    }

    /** POOL-07: an attempt that outlives createTimeout is abandoned, and the connection it opens later is closed. */
    @Test
    void aConnectionArrivingAfterTheCreateTimeoutIsClosed() {
        factory.hold = true;
        PgPool pool = pool(options().maxSize(1).createTimeout(Duration.ofMillis(100))
                .createRetryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5)));
        CompletableFuture<PgPooledConnection> pending = pool.acquire(Duration.ofMillis(400));
        awaitTrue("the attempt fails at the create timeout", () -> pool.stats().totalCreateFailures() == 1);
        assertThat(pool.stats().creating()).isZero();
        factory.completeHeld();
        awaitTrue("the late connection is closed", () -> factory.made.get(0).closed);
        Throwable error = failure(pending);
        assertThat(error).isInstanceOf(PgPoolTimeoutException.class).hasMessageContaining("createTimeout");
        assertThat(pool.getSize()).isZero();
        assertSettled(pool);
    }

    @Test
    void aConnectionWhoseResetFailsIsClosedNotHandedOut() {
        List<CloseReason> reasons = new CopyOnWriteArrayList<>();
        PgPool pool = pool(options().listener(new PgPoolListener() {
            @Override
            public void onClose(CloseReason reason) {
                reasons.add(reason);
            }
        }));
        PgPooledConnection conn = await(pool.acquire());
        FakeConnection fake = factory.made.get(0);
        fake.failure = new IllegalStateException("reset broke");
        await(conn.release());
        awaitTrue("closed", () -> fake.closed);
        assertThat(reasons).containsExactly(CloseReason.RESET_FAILED);
        assertSettled(pool);
        assertThat(pool.getSize()).isZero();
    }

    @Test
    void aConnectionStillInATransactionAfterResetIsClosed() {
        PgPool pool = pool(options());
        PgPooledConnection conn = await(pool.acquire());
        FakeConnection fake = factory.made.get(0);
        fake.resetLeavesTransaction = true;
        await(conn.release());
        awaitTrue("closed", () -> fake.closed);
        assertSettled(pool);
    }

    @Test
    void aFailingSetupFailsTheAcquireWithItsErrorAndClosesTheConnection() {
        PgPool pool = pool(options().setup(c -> CompletableFuture.failedFuture(new IllegalStateException("no setup"))));
        assertThat(failure(pool.acquire())).isInstanceOf(IllegalStateException.class).hasMessage("no setup");
        assertSettled(pool);
        assertThat(pool.getSize()).isZero();
        assertThat(factory.made).allSatisfy(c -> assertThat(c.closed).isTrue());
    }

    @Test
    void aSetupHookThatThrowsIsTreatedLikeAFailingOne() {
        PgPool pool = pool(options().setup(c -> {
            throw new IllegalArgumentException("thrown");
        }));
        assertThat(failure(pool.acquire())).isInstanceOf(IllegalArgumentException.class).hasMessage("thrown");
        assertSettled(pool);
    }

    @Test
    void anInitHookFailureIsRetriedWithBackoffAndTheTimeoutNamesIt() {
        AtomicInteger inits = new AtomicInteger();
        PgPool pool = pool(options().createRetryBackoff(Duration.ofMillis(20), Duration.ofMillis(40))
                .init(c -> {
                    inits.incrementAndGet();
                    return CompletableFuture.failedFuture(new IllegalStateException("init says no"));
                }));
        Throwable error = failure(pool.acquire(Duration.ofMillis(400)));
        assertThat(error).isInstanceOf(PgPoolTimeoutException.class).hasMessageContaining("cannot open connections")
                .hasMessageContaining("init says no");
        assertThat(error.getCause()).hasMessageContaining("init hook failed");
        // backoff: about 400 ms / (20..40 ms) attempts, one at a time, not a tight loop
        assertThat(inits.get()).isBetween(2, 30);
        assertThat(factory.made).allSatisfy(c -> awaitTrue("closed", () -> c.closed));
        assertSettled(pool);
    }

    @Test
    void anAuthenticationFailureFailsWaitersAtOnceWhenThePoolHasNoConnection() {
        factory.failWith = new InvalidPasswordException(PgErrorFields.of(Map.of('S', "FATAL", 'C', "28P01",
                'M', "password authentication failed for user \"x\""), true));
        PgPool pool = pool(options());
        long start = System.nanoTime();
        Throwable error = failure(pool.acquire(Duration.ofSeconds(5)));
        assertThat(error).isInstanceOf(InvalidPasswordException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
    }

    /** Repeated: a retry timer that fires while another attempt fails must still schedule the next retry. */
    @RepeatedTest(20)
    void aRefusedConnectionIsRetriedUntilTheServerComesBack() {
        factory.failWith = new PgConnectionException("connection refused");
        PgPool pool = pool(options().minSize(1).createRetryBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
        CompletableFuture<PgPooledConnection> pending = pool.acquire(Duration.ofSeconds(5));
        awaitTrue("some attempts fail", () -> pool.stats().totalCreateFailures() >= 3);
        assertThat(pending).isNotDone();
        factory.failWith = null;
        await(pending).release();
        assertSettled(pool);
        assertThat(pool.getSize()).isEqualTo(1);
    }

    @Test
    void connectFailsFastAndTerminatesThePoolWhenTheFirstAttemptFails() {
        factory.failWith = new PgConnectionException("connection refused");
        Throwable error = failure(PgPool.connect(options().minSize(1).build()));
        assertThat(error).isInstanceOf(PgConnectionException.class).hasMessage("connection refused");
    }

    @Test
    void connectCompletesWithTheMinimumSizeOpen() {
        PgPool pool = await(PgPool.connect(options().minSize(2).build()));
        pools.add(pool);
        assertThat(pool.getSize()).isEqualTo(2);
        assertThat(pool.getIdleSize()).isEqualTo(2);
    }

    @Test
    void anIdleConnectionEndedByTheServerIsReplacedAndNobodySeesAnError() {
        PgPool pool = await(PgPool.connect(options().minSize(2).build()));
        pools.add(pool);
        FakeConnection victim = factory.made.get(0);
        victim.kill(new PgConnectionException("terminated by administrator"));
        awaitTrue("replaced", () -> factory.made.size() == 3 && pool.getIdleSize() == 2);
        assertSettled(pool);
        for (int i = 0; i < 2; i++) {
            PgPooledConnection c = await(pool.acquire());
            assertThat(c.getServerPid()).isNotEqualTo(victim.pid);
        }
    }

    @Test
    void aConnectionThatDiesWhileAcquiredIsClosedOnRelease() {
        PgPool pool = pool(options());
        PgPooledConnection conn = await(pool.acquire());
        factory.made.get(0).kill(new PgConnectionException("lost"));
        assertThat(pool.getAcquiredSize()).isEqualTo(1);
        await(conn.release());
        assertSettled(pool);
        assertThat(pool.getSize()).isZero();
    }

    @Test
    void aConnectionNeverReleasedIsClosedWhenGarbageCollected() {
        PgPool pool = pool(options());
        acquireAndDrop(pool);
        awaitTrue("the abandoned connection is closed", () -> {
            System.gc();
            return pool.getAcquiredSize() == 0;
        });
        assertSettled(pool);
        assertThat(factory.made.get(0).closed).isTrue();
    }

    private static void acquireAndDrop(PgPool pool) {
        await(pool.acquire()); // and forget it
    }

    @Test
    void maxQueriesRetiresAConnectionOnRelease() {
        PgPool pool = pool(options().maxQueries(3));
        PgPooledConnection conn = await(pool.acquire());
        for (int i = 0; i < 3; i++) {
            await(conn.fetchVal("SELECT 1"));
        }
        await(conn.release());
        awaitTrue("closed", () -> factory.made.get(0).closed);
        assertSettled(pool);
    }

    @Test
    void withConnectionReleasesWhenTheWorkThrowsFailsOrIsCancelled() {
        PgPool pool = pool(options().maxSize(1));
        assertThat(failure(pool.withConnection(c -> {
            throw new IllegalStateException("thrown");
        }))).hasMessage("thrown");
        assertThat(failure(pool.withConnection(c -> CompletableFuture.failedFuture(new IllegalStateException("f")))))
                .hasMessage("f");
        CompletableFuture<Object> never = new CompletableFuture<>();
        CompletableFuture<Object> running = pool.withConnection(c -> never);
        awaitTrue("acquired", () -> pool.getAcquiredSize() == 1);
        running.cancel(true);
        assertThat(never).isCancelled();
        assertSettled(pool);
        assertThat(await(pool.fetchVal("SELECT $1", 7))).isEqualTo(7);
        assertSettled(pool);
    }

    @Test
    void cancellingWithConnectionWhileWaitingForAConnectionLosesNothing() {
        PgPool pool = pool(options().maxSize(1));
        PgPooledConnection held = await(pool.acquire());
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Object> waiting = pool.withConnection(c -> {
            ran.incrementAndGet();
            return c.fetchVal("SELECT 1");
        });
        waiting.cancel(true);
        held.release();
        assertSettled(pool);
        assertThat(ran.get()).isZero();
    }

    @Test
    void closeRefusesNewAcquiresWaitsForAcquiredConnectionsThenClosesThem() {
        PgPool pool = pool(options().minSize(1).maxSize(1));
        PgPooledConnection held = await(pool.acquire());
        CompletableFuture<PgPooledConnection> waiting = pool.acquire();
        assertThat(pool.getPendingAcquires()).isEqualTo(1);
        CompletableFuture<Void> closed = pool.close();
        assertThat(failure(waiting)).isInstanceOfAny(PgPoolClosedException.class);
        assertThat(failure(pool.acquire())).isInstanceOf(PgPoolClosedException.class);
        assertThat(closed).isNotDone();
        assertThat(await(held.fetchVal("SELECT $1", 5))).isEqualTo(5);
        held.release();
        await(closed);
        assertThat(factory.open()).isZero();
        assertThat(pool.getSize()).isZero();
    }

    @Test
    void closeWithATimeoutTerminatesWhatIsStillAcquired() {
        PgPool pool = pool(options());
        PgPooledConnection held = await(pool.acquire());
        await(pool.close(Duration.ofMillis(100)));
        assertThat(factory.open()).isZero();
        assertThat(held.isReleased()).isTrue();
        assertThat(failure(held.execute("SELECT 1"))).hasMessageContaining("terminated");
    }

    @Test
    void expireConnectionsReplacesIdleOnesNowAndAcquiredOnesOnRelease() {
        PgPool pool = await(PgPool.connect(options().minSize(2).build()));
        pools.add(pool);
        PgPooledConnection held = await(pool.acquire());
        FakeConnection heldFake = factory.made.stream().filter(c -> c.pid == held.getServerPid()).findFirst()
                .orElseThrow();
        pool.expireConnections();
        awaitTrue("idle replaced", () -> factory.made.size() == 3 && pool.getIdleSize() == 1);
        assertThat(heldFake.closed).isFalse();
        await(held.release());
        awaitTrue("closed", () -> heldFake.closed);
        awaitTrue("refilled", () -> pool.getIdleSize() == 2);
        assertSettled(pool);
    }

    @Test
    void maxLifetimeRetiresIdleConnectionsAndKeepsTheMinimum() {
        PgPool pool = await(PgPool.connect(options().minSize(2).maxLifetime(Duration.ofMillis(200)).build()));
        pools.add(pool);
        awaitTrue("every original connection retired", () -> factory.made.size() >= 4
                && factory.made.get(0).closed && factory.made.get(1).closed && pool.getIdleSize() == 2);
        assertSettled(pool);
    }

    @Test
    void inactiveConnectionsAboveTheMinimumAreClosed() {
        PgPool pool = pool(options().minSize(1).maxSize(3).maxInactiveLifetime(Duration.ofMillis(100)));
        PgPooledConnection a = await(pool.acquire());
        PgPooledConnection b = await(pool.acquire());
        PgPooledConnection c = await(pool.acquire());
        a.release();
        b.release();
        c.release();
        awaitTrue("back to the minimum", () -> pool.getSize() == 1);
        assertSettled(pool);
    }

    @Test
    void theListenerHearsAcquireReleaseCreateTimeoutAndClose() {
        List<String> events = new CopyOnWriteArrayList<>();
        PgPool pool = pool(options().maxSize(1).listener(new PgPoolListener() {
            @Override
            public void onAcquire(Duration waitTime) {
                events.add("acquire");
            }

            @Override
            public void onRelease(Duration holdTime) {
                events.add("release");
            }

            @Override
            public void onCreate(Duration duration) {
                events.add("create");
            }

            @Override
            public void onClose(CloseReason reason) {
                events.add("close:" + reason);
            }

            @Override
            public void onAcquireTimeout(Duration timeout) {
                events.add("timeout");
            }
        }));
        PgPooledConnection conn = await(pool.acquire());
        failure(pool.acquire(Duration.ofMillis(50)));
        awaitTrue("timeout heard", () -> events.contains("timeout"));
        await(conn.release());
        await(pool.close());
        assertThat(events).containsExactly("create", "acquire", "timeout", "release", "close:POOL_CLOSED");
    }

    /** POOL-04: acquire, release, cancel, time out, terminate and kill from 8 threads; the figures stay exact. */
    @Test
    void theFiguresStayExactUnderConcurrentChurn() throws Exception {
        PgPool pool = pool(options().maxSize(4).minSize(1).maxPendingAcquires(100)
                .createRetryBackoff(Duration.ofMillis(10), Duration.ofMillis(20)));
        int threads = 8;
        int iterations = 2000;
        Map<Integer, Integer> holders = new ConcurrentHashMap<>();
        AtomicInteger doubleHandOuts = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < iterations; i++) {
                    CompletableFuture<PgPooledConnection> f = pool.acquire(Duration.ofMillis(random.nextInt(1, 50)));
                    int action = random.nextInt(10);
                    if (action == 0) {
                        if (!f.cancel(false)) {
                            f.join().release();
                        }
                        continue;
                    }
                    PgPooledConnection c;
                    try {
                        c = f.get(10, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof PgPoolTimeoutException)) {
                            unexpected.add(e.getCause());
                        }
                        continue;
                    } catch (Exception e) {
                        unexpected.add(e);
                        continue;
                    }
                    int pid = c.getServerPid();
                    if (holders.put(pid, 1) != null) {
                        doubleHandOuts.incrementAndGet();
                    }
                    try {
                        c.fetchVal("SELECT 1").get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        if (action != 1) {
                            unexpected.add(e);
                        }
                    }
                    holders.remove(pid);
                    if (action == 1) {
                        factory.made.stream().filter(x -> x.pid == pid).findFirst()
                                .ifPresent(x -> x.kill(new PgConnectionException("killed")));
                        c.release();
                    } else if (action == 2) {
                        c.terminate();
                    } else {
                        c.release();
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(worker.isAlive()).isFalse();
        }
        assertThat(unexpected).isEmpty();
        assertThat(doubleHandOuts.get()).isZero();
        assertSettled(pool);
        assertThat(pool.getSize()).isBetween(1, 4);
    }
}
