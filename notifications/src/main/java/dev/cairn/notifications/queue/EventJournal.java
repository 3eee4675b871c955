package dev.cairn.notifications.queue;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable event queue of one target: an append-only journal of segment files mirrored in several
 * directories (one per drive), with group commit and an acknowledged position.
 *
 * <p>Appends: callers hand in their payload and wait; one writer thread takes every append waiting, gives them
 * consecutive indices, writes them as one batch to every active copy and forces each copy once, then releases
 * the callers. So a thousand concurrent appends cost a few syncs, not a thousand. An append returns only when its
 * record is on stable storage in at least one copy (in all active copies, normally two or more).
 *
 * <p>Reservations: a caller may take its place first and fill it later ({@link #reserve}); places are written in
 * the order they were taken. An event that is durable elsewhere until this journal syncs (it rode in its commit's
 * meta-journal record) is written without a sync of its own: the next awaited batch, a segment roll or a
 * {@link #awaitStored barrier} (what a meta-journal checkpoint runs first) syncs it, and after a crash
 * {@link #restore} puts back what the sync had not covered. A place given up is written as a void.
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

    private final String name;
    private final Options options;
    private final JournalCatalog catalog = new JournalCatalog();
    private final CopySet copies;
    private final Object lock = new Object();
    /** Places taken and not yet written, in index order (guarded by lock). */
    private final ArrayDeque<Reservation> reserved = new ArrayDeque<>();
    /** The next index {@link #reserve} hands out (guarded by lock). */
    private long nextReserve;
    /** A barrier waits until everything up to here is on stable storage (guarded by lock). */
    private long barrierTarget;
    /** Everything up to here is on stable storage, or was given up because no copy could take it (guarded by lock). */
    private long syncedThrough;
    private boolean closed;
    private final Thread writer;
    /** The next index the writer writes; written by the writer thread only. */
    private volatile long nextIndex;
    /** The last index written: readers never go past it. */
    private volatile long committed;
    private volatile long acked;
    /** Lazily filled events no copy could take (awaited ones fail their caller's wait instead). */
    private final AtomicLong lost = new AtomicLong();
    private SegmentReader cursor;
    private static final long ACK_WRITE_NANOS = 1_000_000_000L;
    /**
     * How long the writer lets lazily filled places gather before it writes them: fewer wake-ups and writes per
     * event under load, at that much latency to the forwarder (which lingers 20 ms for a fuller batch anyway). At
     * about 2,400 events/s the writer thread's CPU per event was 8-13 µs with 2 ms, about 5 µs with 10 ms.
     */
    private static final long LAZY_WRITE_NANOS = 10_000_000;
    /** The writer waits with nothing to write: any fill must wake it. */
    private volatile boolean writerIdle;
    /** How long a closing journal waits for places still being filled before it stops writing. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;
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
        this.nextReserve = last + 1;
        this.committed = last;
        this.syncedThrough = last;
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
        return reserve().fill(payload);
    }

    /**
     * Takes the next place in the journal for an event whose payload comes later: places are written in the order
     * they were taken, each once it is {@linkplain Reservation#fill filled} or {@linkplain Reservation#cancel
     * cancelled}, so a caller that reserves under a lock keeps lock order whenever it fills. Every reservation must
     * be filled or cancelled, soon: the places after it wait for it.
     *
     * @throws QueueFullException        the journal holds {@code limit} unacknowledged events
     * @throws QueueUnavailableException the journal is closed
     */
    public Reservation reserve() throws QueueFullException, QueueUnavailableException {
        synchronized (lock) {
            if (closed) {
                throw new QueueUnavailableException("event queue " + name + " is closed", null);
            }
            if (nextReserve - 1 - acked >= options.limit()) {
                throw new QueueFullException("event queue " + name + " holds its limit of " + options.limit()
                        + " events");
            }
            return reserveLocked();
        }
    }

    private Reservation reserveLocked() {
        Reservation r = new Reservation(nextReserve++);
        reserved.add(r);
        return r;
    }

    /** One place in the journal, taken in order by {@link #reserve}. */
    public final class Reservation {
        private final long index;
        /** Null until filled; written once by the filler, read by the writer. */
        private volatile byte[] payload;
        /** Null when nobody waits for the place (filled lazily, or cancelled); set before the payload. */
        private CompletableFuture<Void> done;

        private Reservation(long index) {
            this.index = index;
        }

        public long index() {
            return index;
        }

        /**
         * Puts the event in its place; the place's batch is synced at once, for the caller waits.
         *
         * @return completes once the event is on stable storage, exceptionally when no copy took it
         */
        public CompletableFuture<Void> fill(byte[] eventPayload) {
            CompletableFuture<Void> stored = new CompletableFuture<>();
            resolve(checked(eventPayload), stored);
            return stored;
        }

        /**
         * Puts the event in its place for a caller that does not wait: the event is durable elsewhere until the
         * journal's next sync (it rode in its commit's meta-journal record). It is written at once and synced
         * later, by an awaited batch, a segment roll or a {@link #awaitStored barrier}: one sync for many events.
         * An event no copy could take is counted in {@link #lost}.
         */
        public void fillLazily(byte[] eventPayload) {
            resolve(checked(eventPayload), null);
        }

        /** Gives the place up (its commit failed): it is written as a void the reader steps over. */
        public void cancel() {
            resolve(SegmentFormat.VOID, null);
        }

        private static byte[] checked(byte[] eventPayload) {
            if (eventPayload.length == 0 || eventPayload.length > SegmentFormat.MAX_PAYLOAD
                    || SegmentFormat.isVoid(eventPayload)) {
                throw new IllegalArgumentException("an event of " + eventPayload.length + " bytes");
            }
            return eventPayload;
        }

        /**
         * Without the journal's lock unless the writer must be woken: many request threads fill places at once.
         * The writer sets {@code writerIdle} and then looks at the head's payload again before it waits, and this
         * sets the payload and then reads {@code writerIdle} (all volatile): one of the two sees the other.
         */
        private void resolve(byte[] p, CompletableFuture<Void> stored) {
            if (payload != null) {
                throw new IllegalStateException("place " + index + " of event queue " + name + " is taken");
            }
            done = stored;
            payload = p;
            if (stored != null || writerIdle) { // a lazy place joins a batch the writer already waits to write
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        }
    }

    /**
     * Returns once every place reserved before the call is filled (or cancelled) and on stable storage. What the
     * journal gave up (no copy could take it) counts as done: those events were counted as dropped.
     *
     * @throws IOException the journal closed before it got there
     */
    public void awaitStored() throws IOException {
        synchronized (lock) {
            long target = nextReserve - 1;
            if (syncedThrough >= target) {
                return;
            }
            barrierTarget = Math.max(barrierTarget, target);
            lock.notifyAll();
            while (syncedThrough < target) {
                if (!writer.isAlive()) {
                    throw new IOException("event queue " + name + " closed with events up to " + target
                            + " not stored (they are stored " + syncedThrough + ")");
                }
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted waiting for event queue " + name, e);
                }
            }
        }
    }

    /**
     * At start, before anything else is queued: puts back events that were durable elsewhere (riders of meta
     * journal records) but that a crash took from this journal. Indices the journal already passed are left
     * alone (it holds or delivered them); gaps between the others become voids. Returns once they are stored.
     *
     * @return how many events were put back
     */
    public int restore(SortedMap<Long, byte[]> events) throws IOException {
        int restored = 0;
        synchronized (lock) {
            for (Map.Entry<Long, byte[]> e : events.entrySet()) {
                if (e.getKey() < nextReserve) {
                    continue;
                }
                while (nextReserve < e.getKey()) {
                    reserveLocked().cancel();
                }
                reserveLocked().fillLazily(e.getValue());
                restored++;
            }
        }
        awaitStored();
        return restored;
    }

    /** Lazily filled events no copy could take: dropped, like events of a full queue. */
    public long lost() {
        return lost.get();
    }

    /** How many copies the journal keeps of each event when its drives are well. */
    public int copiesWanted() {
        return copies.wanted();
    }

    private void writeLoop() {
        while (true) {
            List<Reservation> batch = new ArrayList<>();
            boolean force;
            synchronized (lock) {
                long closeDeadline = 0;
                long lazyDeadline = 0;
                while (true) {
                    int ready = 0;
                    boolean awaitedReady = false;
                    for (Reservation r : reserved) {
                        if (r.payload == null) {
                            break;
                        }
                        ready++;
                        awaitedReady |= r.done != null;
                    }
                    boolean barrier = barrierTarget > syncedThrough;
                    boolean urgent = awaitedReady || barrier || closed;
                    long now = System.nanoTime();
                    if (ready > 0 && (urgent || lazyDeadline != 0 && now - lazyDeadline >= 0)) {
                        for (int i = 0; i < ready; i++) {
                            batch.add(reserved.poll());
                        }
                        force = urgent;
                        break;
                    }
                    if (ready == 0 && barrier && unsynced()) { // a barrier over records written before
                        force = true;
                        break;
                    }
                    if (closed && (reserved.isEmpty() || closeDeadline != 0
                            && System.currentTimeMillis() >= closeDeadline)) {
                        closeWithUnfilled();
                        return;
                    }
                    if (closed && closeDeadline == 0) {
                        closeDeadline = System.currentTimeMillis() + CLOSE_WAIT_MILLIS;
                    }
                    if (ready > 0 && lazyDeadline == 0) {
                        lazyDeadline = now + LAZY_WRITE_NANOS;
                    }
                    if (ready == 0) {
                        writerIdle = true;
                        Reservation head = reserved.peek();
                        if (head != null && head.payload != null) {
                            writerIdle = false; // filled after the scan, maybe without a wake-up: look again
                            continue;
                        }
                    }
                    try {
                        lock.wait(ready > 0 ? Math.max(1, (lazyDeadline - now) / 1_000_000) : closed ? 100 : 0);
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                    writerIdle = false;
                }
            }
            writeBatch(batch, force);
        }
    }

    /** The writer's last act: places still unfilled stay in their riders, and the next start puts them back. */
    private void closeWithUnfilled() {
        if (!reserved.isEmpty()) {
            LOG.log(Level.WARNING, "event queue {0}: closing with {1} places not filled", name, reserved.size());
        }
        if (unsynced()) {
            markSynced(committed, copies.force() > 0);
        }
    }

    private void writeBatch(List<Reservation> batch, boolean force) {
        if (batch.isEmpty()) { // a barrier over records written before
            markSynced(nextIndex - 1, copies.force() > 0);
            return;
        }
        long first = nextIndex;
        int bytes = 0;
        for (Reservation r : batch) {
            bytes += SegmentFormat.RECORD_OVERHEAD + r.payload.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(bytes);
        for (int i = 0; i < batch.size(); i++) {
            SegmentFormat.putRecord(buf, first + i, batch.get(i).payload);
        }
        buf.flip();
        long last = first + batch.size() - 1;
        copies.admit(first);
        int written = copies.activeCount() == 0 ? 0 : copies.write(buf, last, force);
        // indices of a batch no copy took are never used again: readers skip them (nobody was told they exist)
        nextIndex = last + 1;
        if (written > 0) {
            synchronized (lock) {
                committed = last;
                lock.notifyAll();
            }
            for (Reservation r : batch) {
                if (r.done != null) {
                    r.done.complete(null);
                }
            }
        } else {
            IOException cause = new IOException("no writable directory for event queue " + name);
            for (Reservation r : batch) {
                if (r.done != null) {
                    r.done.completeExceptionally(cause);
                } else if (!SegmentFormat.isVoid(r.payload)) {
                    lost.incrementAndGet();
                }
            }
        }
        if (force || written == 0) {
            markSynced(last, written > 0);
        }
        if (copies.rollIfFull(options.segmentBytes(), nextIndex)) {
            markSynced(last, true); // rolling syncs the segments it closes
        }
    }

    /** Whether records were written that no sync has covered yet. */
    private boolean unsynced() {
        synchronized (lock) {
            return committed > syncedThrough;
        }
    }

    private void markSynced(long through, boolean ok) {
        if (!ok) {
            LOG.log(Level.ERROR, "event queue {0}: no copy could store events up to {1}", name, through);
        }
        synchronized (lock) {
            syncedThrough = Math.max(syncedThrough, through);
            lock.notifyAll();
        }
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
