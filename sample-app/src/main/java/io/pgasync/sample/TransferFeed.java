package io.pgasync.sample;

import io.pgasync.PgConnection;
import io.pgasync.PgNotification;
import io.pgasync.PgNotificationGap;
import io.pgasync.PgNotificationListener;
import io.pgasync.PgPool;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Every committed transfer, as it happens: one pool-level LISTEN (a dedicated connection the pool re-establishes
 * if it is lost) feeding a hot stream that every {@code /events} client shares. If the listening connection was
 * lost, clients get a {@code gap} event: transfers may have been missed, reload the accounts.
 */
@Component
class TransferFeed implements InitializingBean, DisposableBean, PgNotificationListener {

    private final PgPool pool;
    private final Sinks.Many<ServerSentEvent<String>> events = Sinks.many().multicast().directBestEffort();

    TransferFeed(PgPool pool) {
        this.pool = pool;
    }

    @Override
    public void afterPropertiesSet() {
        pool.addListener(Bank.TRANSFERS_CHANNEL, this).join();
    }

    @Override
    public void destroy() {
        pool.removeListener(Bank.TRANSFERS_CHANNEL, this);
        events.tryEmitComplete();
    }

    @Override
    public void onNotification(PgConnection connection, PgNotification notification) {
        emit(ServerSentEvent.builder(notification.payload()).event("transfer").build());
    }

    @Override
    public void onGap(PgNotificationGap gap) {
        emit(ServerSentEvent.builder("{\"lostAt\":\"" + gap.lostAt() + "\",\"resubscribedAt\":\""
                + gap.resubscribedAt() + "\"}").event("gap").build());
    }

    private synchronized void emit(ServerSentEvent<String> event) {
        events.tryEmitNext(event); // no subscriber, or a slow one: dropped for it (best effort, like NOTIFY itself)
    }

    Flux<ServerSentEvent<String>> events() {
        return events.asFlux();
    }

    /** How many clients are listening now. */
    int subscribers() {
        return events.currentSubscriberCount();
    }
}
