package io.pgasync.internal.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * The pool's FIFO of waiters: an intrusive doubly linked list, so that a waiter that times out or is cancelled leaves
 * in constant time, and one whose connection failed validation goes back to the front. Guarded by the pool's lock.
 */
final class WaiterQueue {

    private Waiter head;
    private Waiter tail;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void addLast(Waiter w) {
        w.prev = tail;
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        w.queued = true;
        size++;
    }

    void addFirst(Waiter w) {
        w.next = head;
        w.prev = null;
        if (head == null) {
            tail = w;
        } else {
            head.prev = w;
        }
        head = w;
        w.queued = true;
        size++;
    }

    /** The first waiter whose future is not done, dropping done ones on the way; null when none. */
    Waiter peekLive() {
        while (head != null && head.future.isDone()) {
            remove(head);
        }
        return head;
    }

    /** Removes a waiter if it is queued. */
    boolean remove(Waiter w) {
        if (!w.queued) {
            return false;
        }
        if (w.prev == null) {
            head = w.next;
        } else {
            w.prev.next = w.next;
        }
        if (w.next == null) {
            tail = w.prev;
        } else {
            w.next.prev = w.prev;
        }
        w.prev = null;
        w.next = null;
        w.queued = false;
        size--;
        return true;
    }

    /** Removes and returns every waiter, in order. */
    List<Waiter> drain() {
        List<Waiter> all = new ArrayList<>(size);
        while (head != null) {
            Waiter w = head;
            remove(w);
            all.add(w);
        }
        return all;
    }
}
