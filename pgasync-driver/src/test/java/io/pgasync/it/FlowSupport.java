package io.pgasync.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** A test subscriber that requests in fixed steps and collects what it receives. */
final class FlowSupport {

    private FlowSupport() {}

    static final class Collector<T> implements Flow.Subscriber<T> {
        final List<T> items = new ArrayList<>();
        final CompletableFuture<List<T>> done = new CompletableFuture<>();
        private final long step;
        private final Consumer<T> onItem;
        volatile Flow.Subscription subscription;
        private long received;

        Collector(long step) {
            this(step, item -> { });
        }

        Collector(long step, Consumer<T> onItem) {
            this.step = step;
            this.onItem = onItem;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(step);
        }

        @Override
        public void onNext(T item) {
            items.add(item);
            onItem.accept(item);
            if (++received % step == 0) {
                subscription.request(step);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(items);
        }
    }
}
