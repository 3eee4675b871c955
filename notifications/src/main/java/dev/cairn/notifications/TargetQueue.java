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
        return new TargetStatus(settings.arn().toString(), settings.describe(), target.isOnline(),
                journal.pending(), journal.limit(), queued.get(), forwarder.sent(), dropped.get(),
                forwarder.failures(), forwarder.lastError(), journal.activeCopies());
    }

    @Override
    public void close() throws InterruptedException {
        forwarder.close();
        journal.close();
    }
}
