package dev.cairn.notifications.queue;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The durable event queue of one target: an append-only journal of segment files mirrored in several
 * directories (one per drive), with group commit and an acknowledged position.
 *
 * <p>Appends: callers hand in their payload and wait; one writer thread takes every append waiting, gives them
 * consecutive indices, writes them as one batch to every active copy and forces each copy once, then releases
 * the callers. So a thousand concurrent appends cost a few syncs, not a thousand. An append returns only when its
 * record is on stable storage in at least one copy (in all active copies, normally two or more).
 *
 * <p>Reads and acknowledgements come from one forwarder: {@link #read} returns records after a position,
 * {@link #ack} records that the target took everything up to an index and deletes segments wholly before it.
 * After a crash the journal resumes from the recorded position (a lost acknowledgement sends events again:
 * at-least-once) and ignores a torn last record.
 */
public final class EventJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventJournal.class.getName());

    /**
     * @param limit        unacknowledged events the journal holds before it refuses appends
     * @param segmentBytes a segment's size before the next one starts
     * @param copies       how many directories hold a copy (fewer when fewer are given or writable)
     */
    public record Options(long limit, long segmentBytes, int copies) {
        public static final Options DEFAULTS = new Options(100_000, 16L << 20, 2);

        public Options withLimit(long newLimit) {
            return new Options(newLimit, segmentBytes, copies);
        }
    }

    private record Pending(byte[] payload, CompletableFuture<Void> done) {
    }

    private final String name;
    private final Options options;
    private final JournalCatalog catalog = new JournalCatalog();
    private final CopySet copies;
    private final Object lock = new Object();
    private List<Pending> waiting = new ArrayList<>();
    private boolean closed;
    private final Thread writer;
    /** The next index the writer assigns; written by the writer thread only. */
    private volatile long nextIndex;
    /** The last index on stable storage: readers never go past it. */
    private volatile long committed;
    private volatile long acked;
    private SegmentReader cursor;
    private static final long ACK_WRITE_NANOS = 1_000_000_000L;
    private long lastAckWrite = System.nanoTime();
    private long persistedAck;

    private EventJournal(String name, List<Path> dirs, Options options) {
        this.name = name;
        this.options = options;
        List<JournalCopy> all = new ArrayList<>();
        long ack = 0;
        for (Path d : dirs) {
            JournalCopy c = new JournalCopy(d);
            all.add(c);
            try {
                catalog.addAll(c.scan());
                ack = Math.max(ack, c.readAck());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "event queue {0}: cannot read {1}: {2}", name, d, e.toString());
            }
        }
        this.acked = ack;
        this.persistedAck = ack;
        long last = Math.max(catalog.maxIndex(), ack);
        this.nextIndex = last + 1;
        this.committed = last;
        this.copies = new CopySet(name, all, options.copies(), catalog.maxGeneration() + 1, catalog);
        deleteAcknowledged();
        copies.admit(nextIndex);
        if (copies.activeCount() == 0) {
            LOG.log(Level.ERROR, "event queue {0}: no directory is writable ({1}); events wait until one is",
                    name, dirs);
        }
        this.writer = Thread.ofPlatform().name("event-queue-" + name).daemon().start(this::writeLoop);
    }

    /**
     * Opens (recovering what is there) or creates the journal in {@code dirs}.
     *
     * @throws IllegalStateException when a segment has a newer format than this node reads
     */
    public static EventJournal open(String name, List<Path> dirs, Options options) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("event queue " + name + " needs at least one directory");
        }
        return new EventJournal(name, dirs, options);
    }

    /**
     * Queues one event and returns once it is on stable storage.
     *
     * @throws QueueFullException        the journal holds {@code limit} unacknowledged events
     * @throws QueueUnavailableException no copy could be written
     */
    public void append(byte[] payload) throws QueueFullException, QueueUnavailableException, InterruptedException {
        CompletableFuture<Void> stored = submit(payload);
        try {
            stored.get();
        } catch (ExecutionException e) {
            throw new QueueUnavailableException("event queue " + name + ": no copy could be written",
                    e.getCause());
        }
    }

    /**
     * Queues one event without waiting for it to be stored: events submitted one after another take consecutive
     * places in the journal, in that order, so a caller that submits under a lock keeps its events in lock order
     * and waits for the disk after releasing it.
     *
     * @return completes once the event is on stable storage, exceptionally when no copy could be written
     * @throws QueueFullException        the journal holds {@code limit} unacknowledged events
     * @throws QueueUnavailableException the journal is closed
     */
    public CompletableFuture<Void> submit(byte[] payload) throws QueueFullException, QueueUnavailableException {
        if (payload.length == 0 || payload.length > SegmentFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("an event of " + payload.length + " bytes");
        }
        Pending p = new Pending(payload, new CompletableFuture<>());
        synchronized (lock) {
            if (closed) {
                throw new QueueUnavailableException("event queue " + name + " is closed", null);
            }
            long depth = nextIndex - 1 - acked + waiting.size();
            if (depth >= options.limit()) {
                throw new QueueFullException("event queue " + name + " holds its limit of " + options.limit()
                        + " events");
            }
            waiting.add(p);
            lock.notifyAll();
        }
        return p.done;
    }

    private void writeLoop() {
        while (true) {
            List<Pending> batch;
            synchronized (lock) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                if (waiting.isEmpty()) {
                    return;
                }
                batch = waiting;
                waiting = new ArrayList<>();
            }
            writeBatch(batch);
        }
    }

    private void writeBatch(List<Pending> batch) {
        long first = nextIndex;
        int bytes = 0;
        for (Pending p : batch) {
            bytes += SegmentFormat.RECORD_OVERHEAD + p.payload.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(bytes);
        for (int i = 0; i < batch.size(); i++) {
            SegmentFormat.putRecord(buf, first + i, batch.get(i).payload);
        }
        buf.flip();
        long last = first + batch.size() - 1;
        copies.admit(first);
        int written = copies.activeCount() == 0 ? 0 : copies.write(buf, last);
        // indices of a batch no copy took are never used again: readers skip them (nobody was told they exist)
        nextIndex = last + 1;
        if (written > 0) {
            synchronized (lock) {
                committed = last;
                lock.notifyAll();
            }
            batch.forEach(p -> p.done.complete(null));
        } else {
            IOException cause = new IOException("no writable directory for event queue " + name);
            batch.forEach(p -> p.done.completeExceptionally(cause));
        }
        copies.rollIfFull(options.segmentBytes(), nextIndex);
    }

    /**
     * Up to {@code max} records with indices from {@code from} on, in order, waiting up to {@code waitMillis} for
     * the first one. Skips indices no copy holds (never acknowledged to anyone). For one reader thread.
     */
    public List<JournalEntry> read(long from, int max, long waitMillis) throws InterruptedException {
        long end = awaitCommitted(from, waitMillis);
        List<JournalEntry> out = new ArrayList<>();
        long k = from;
        while (k <= end && out.size() < max) {
            Segment s = catalog.best(k);
            if (s == null) {
                k = catalog.nextHeld(k);
                continue;
            }
            try {
                JournalEntry e = readAt(s, k);
                if (e == null) {
                    s.unreadable = true;
                    LOG.log(Level.WARNING, "event queue {0}: {1} ends before index {2}; reading another copy",
                            name, s, k);
                    closeCursor();
                    continue;
                }
                out.add(e);
                k++;
            } catch (IOException e) {
                s.unreadable = true;
                LOG.log(Level.WARNING, "event queue {0}: reading {1} failed, reading another copy: {2}", name, s,
                        e.toString());
                closeCursor();
            }
        }
        return out;
    }

    private JournalEntry readAt(Segment s, long index) throws IOException {
        if (cursor == null || cursor.segment() != s || cursor.nextIndex() != index) {
            closeCursor();
            cursor = new SegmentReader(s);
            if (!cursor.skipTo(index)) {
                return null;
            }
        }
        return cursor.next();
    }

    private void closeCursor() {
        if (cursor != null) {
            try {
                cursor.close();
            } catch (IOException ignored) {
                // a read-only channel: nothing to lose
            }
            cursor = null;
        }
    }

    private long awaitCommitted(long from, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        synchronized (lock) {
            while (committed < from && !closed) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                lock.wait(left);
            }
            return committed;
        }
    }

    /**
     * The target took every event up to {@code index}: delete segments wholly before it, and record it on the drives
     * at most once a second (and at close). A crash forgets at most the last second of acknowledgements, and those
     * events are sent again: at-least-once allows it, and the forwarder does not pay a file replacement per batch.
     */
    public void ack(long index) {
        if (index <= acked) {
            return;
        }
        acked = Math.min(index, committed);
        long now = System.nanoTime();
        if (now - lastAckWrite >= ACK_WRITE_NANOS) {
            lastAckWrite = now;
            persistAck();
        }
        deleteAcknowledged();
    }

    private void persistAck() {
        if (acked > persistedAck) {
            persistedAck = acked;
            copies.writeAck(acked);
        }
    }

    private void deleteAcknowledged() {
        for (Segment s : catalog.acknowledged(acked)) {
            if (cursor != null && cursor.segment() == s) {
                closeCursor();
            }
            try {
                s.copy.delete(s);
                catalog.remove(s);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "event queue {0}: deleting {1} failed: {2}", name, s, e.toString());
            }
        }
    }

    public long acked() {
        return acked;
    }

    public long committed() {
        return committed;
    }

    /** Events queued and not yet acknowledged by the target. */
    public long pending() {
        return Math.max(0, committed - acked);
    }

    public long limit() {
        return options.limit();
    }

    /** How many directories currently take every append. */
    public int activeCopies() {
        return copies.activeCount();
    }

    public String name() {
        return name;
    }

    /** Stops the writer after the appends already waiting; later appends fail. */
    @Override
    public void close() throws InterruptedException {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        writer.join();
        persistAck();
        closeCursor();
        copies.close();
    }
}
