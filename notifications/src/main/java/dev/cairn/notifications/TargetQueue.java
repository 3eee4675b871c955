package dev.cairn.notifications;

import dev.cairn.notifications.forward.Forwarder;
import dev.cairn.notifications.queue.EventJournal;
import dev.cairn.notifications.queue.QueueFullException;
import dev.cairn.notifications.queue.QueueUnavailableException;
import dev.cairn.notifications.queue.QueuedEvent;
import dev.cairn.notifications.targets.EventTarget;
import dev.cairn.notifications.targets.TargetSettings;

import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/** One target with its queue and forwarder; counts the events it had to drop and says so in the log. */
final class TargetQueue implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TargetQueue.class.getName());
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    final TargetSettings settings;
    final EventTarget target;
    final EventJournal journal;
    final Forwarder forwarder;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastDropLog = System.nanoTime() - LOG_EVERY_NANOS;

    TargetQueue(TargetSettings settings, EventTarget target, EventJournal journal, Forwarder forwarder) {
        this.settings = settings;
        this.target = target;
        this.journal = journal;
        this.forwarder = forwarder;
    }

    /**
     * Queues one event in journal order; the returned wait ends once it is durable. A full or unwritable queue
     * drops it (counted, logged) and never throws.
     */
    EventSink.Queued submit(String key, byte[] json) {
        CompletableFuture<Void> stored;
        try {
            stored = journal.submit(QueuedEvent.encode(key, json));
        } catch (QueueFullException e) {
            drop("its queue is full (" + journal.limit() + " events waiting: is the target down?)");
            return EventSink.Queued.DONE;
        } catch (QueueUnavailableException e) {
            drop("its queue is closed");
            return EventSink.Queued.DONE;
        }
        return () -> awaitStored(stored);
    }

    /**
     * Takes the event's place in the queue for a commit under way, or null when the queue cannot take it (full or
     * closed: dropped, counted and logged, as {@link #submit} does).
     */
    Place reserve(String key, byte[] json) {
        try {
            return new Place(journal.reserve(), QueuedEvent.encode(key, json));
        } catch (QueueFullException e) {
            drop("its queue is full (" + journal.limit() + " events waiting: is the target down?)");
        } catch (QueueUnavailableException e) {
            drop("its queue is closed");
        }
        return null;
    }

    /** An event's place in this queue while its commit is under way. */
    final class Place {
        final EventJournal.Reservation reservation;
        private final byte[] payload;

        private Place(EventJournal.Reservation reservation, byte[] payload) {
            this.reservation = reservation;
            this.payload = payload;
        }

        /**
         * Fills the place. With the event durable in as many meta-journal records as the queue keeps copies, the
         * queue syncs it later and nobody waits; otherwise the returned wait ends once the queue has it stored.
         */
        EventSink.Queued fill(int riderCopies) {
            if (riderCopies < journal.copiesWanted()) {
                CompletableFuture<Void> stored = reservation.fill(payload);
                return () -> awaitStored(stored);
            }
            reservation.fillLazily(payload); // a write no copy takes is counted by the journal (lost)
            queued.incrementAndGet();
            return EventSink.Queued.DONE;
        }

        void cancel() {
            reservation.cancel();
        }
    }

    private void awaitStored(CompletableFuture<Void> stored) {
        try {
            stored.get();
            queued.incrementAndGet();
        } catch (ExecutionException e) {
            drop("no drive could store its queue (" + e.getCause() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drop("the request was interrupted");
        }
    }

    private void drop(String why) {
        long n = dropped.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastDropLog >= LOG_EVERY_NANOS) {
            lastDropLog = now;
            LOG.log(Level.ERROR, "events are being dropped for notification target {0}: {1}; {2} dropped so far",
                    settings.arn(), why, n);
        }
    }

    TargetStatus status() {
        long lost = journal.lost(); // placed lazily, then no copy could take them
        return new TargetStatus(settings.arn().toString(), settings.describe(), target.isOnline(),
                journal.pending(), journal.limit(), queued.get() - lost, forwarder.sent(), dropped.get() + lost,
                forwarder.failures(), forwarder.lastError(), journal.activeCopies());
    }

    @Override
    public void close() throws InterruptedException {
        forwarder.close();
        journal.close();
    }
}
