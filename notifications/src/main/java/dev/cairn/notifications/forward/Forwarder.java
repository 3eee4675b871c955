package dev.cairn.notifications.forward;

import dev.cairn.notifications.queue.EventJournal;
import dev.cairn.notifications.queue.JournalEntry;
import dev.cairn.notifications.queue.QueuedEvent;
import dev.cairn.notifications.targets.DeliveryException;
import dev.cairn.notifications.targets.EventTarget;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains one target's queue: reads a batch after the acknowledged position, sends it, and acknowledges it in the
 * queue only once the target acknowledged it. A failed delivery is retried with backoff, forever: nothing is
 * dropped here (the queue's limit is what bounds a target that stays away). What a failed batch did deliver is
 * acknowledged, the rest sent again, so an event may arrive twice, never not at all.
 */
public final class Forwarder implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Forwarder.class.getName());
    static final int BATCH = 500;
    static final long POLL_MILLIS = 200;
    static final long LINGER_MILLIS = 20;
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final EventJournal journal;
    private final EventTarget target;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final long lingerMillis;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastError;
    private volatile boolean running = true;
    private Thread thread;
    private long lastFailureLog = Long.MIN_VALUE / 2;

    /**
     * @param linger how long to wait for more events when fewer than a full batch are queued: fewer, larger
     *               deliveries (one Kafka produce request and one flush each) for that much latency
     */
    public Forwarder(EventJournal journal, EventTarget target, Backoff backoff, Sleeper sleeper, Duration linger) {
        this.journal = journal;
        this.target = target;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.lingerMillis = linger.toMillis();
    }

    public static Forwarder start(EventJournal journal, EventTarget target) {
        Forwarder f = new Forwarder(journal, target, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5)),
                Sleeper.REAL, Duration.ofMillis(LINGER_MILLIS));
        f.thread = Thread.ofPlatform().name("event-forwarder-" + journal.name()).daemon().start(f::run);
        return f;
    }

    private void run() {
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // closing interrupted a send (Kafka turns the interrupt into an exception of its own)
                }
                LOG.log(Level.ERROR, "forwarding " + target.arn() + " failed unexpectedly; retrying", e);
                try {
                    sleeper.sleep(backoff.nextDelayMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** One round: read what is queued after the acknowledged position (waiting briefly), deliver it. */
    boolean step() throws InterruptedException {
        List<JournalEntry> entries = journal.read(journal.acked() + 1, BATCH, POLL_MILLIS);
        if (entries.isEmpty()) {
            return false;
        }
        if (entries.size() < BATCH && lingerMillis > 0) {
            sleeper.sleep(lingerMillis);
            entries = new ArrayList<>(entries);
            entries.addAll(journal.read(entries.getLast().index() + 1, BATCH - entries.size(), 0));
        }
        List<QueuedEvent> batch = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            if (!e.isVoid()) {
                batch.add(QueuedEvent.decode(e));
            }
        }
        if (batch.isEmpty()) { // only places whose commits failed: nothing to send
            journal.ack(entries.getLast().index());
            return true;
        }
        try {
            target.send(batch);
            journal.ack(entries.getLast().index()); // with any voids after the last event
            sent.addAndGet(batch.size());
            if (lastError != null) {
                LOG.log(Level.INFO, "notification target {0} is back: delivering again", target.arn());
                lastError = null;
            }
            backoff.reset();
            return true;
        } catch (DeliveryException e) {
            if (e.delivered() > 0) {
                journal.ack(batch.get(e.delivered() - 1).index());
                sent.addAndGet(e.delivered());
            }
            failures.incrementAndGet();
            lastError = e.getMessage();
            long delay = backoff.nextDelayMillis();
            logFailure(e, delay);
            sleeper.sleep(delay);
            return false;
        }
    }

    private void logFailure(DeliveryException e, long delay) {
        long now = System.nanoTime();
        if (now - lastFailureLog >= LOG_EVERY_NANOS) {
            lastFailureLog = now;
            LOG.log(Level.WARNING, "notification target {0} is not taking events ({1}); {2} queued, retrying in "
                    + "{3} ms (this is logged once a minute while it lasts)", target.arn(), e.getMessage(),
                    journal.pending(), delay);
        }
    }

    public long sent() {
        return sent.get();
    }

    public long failures() {
        return failures.get();
    }

    /** The last delivery error while the target is failing; null when it works. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
        target.close();
    }
}
