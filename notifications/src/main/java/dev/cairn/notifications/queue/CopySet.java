package dev.cairn.notifications.queue;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The copies a journal writes to: up to {@code wanted} of its directories at a time, each with an active
 * segment. A copy whose write fails is dropped; another directory (or the same drive once it is back) is
 * admitted in a new segment, so an offline drive never stops the queue while another is writable. Used by the
 * journal's writer thread only.
 */
final class CopySet implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CopySet.class.getName());
    private static final long RETRY_NANOS = 5_000_000_000L;

    private final String name;
    private final List<JournalCopy> all = new ArrayList<>();
    private final List<JournalCopy> active = new ArrayList<>();
    private final int wanted;
    private final long generation;
    private final JournalCatalog catalog;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private long lastAdmitAttempt = Long.MIN_VALUE / 2;

    CopySet(String name, List<JournalCopy> copies, int wanted, long generation, JournalCatalog catalog) {
        this.name = name;
        this.all.addAll(copies);
        this.wanted = Math.min(wanted, copies.size());
        this.generation = generation;
        this.catalog = catalog;
    }

    /** How many copies it keeps when enough directories are writable. */
    int wanted() {
        return wanted;
    }

    int activeCount() {
        return active.size();
    }

    List<Path> activeDirs() {
        return active.stream().map(c -> c.dir).toList();
    }

    /**
     * Admits copies until {@code wanted} are active, each in a new segment starting at {@code nextIndex}. Retries
     * directories that failed at most every 5 s, except right after a copy was dropped or while none is active.
     */
    void admit(long nextIndex) {
        long now = System.nanoTime();
        if (active.size() >= wanted || (!active.isEmpty() && now - lastAdmitAttempt < RETRY_NANOS)) {
            return;
        }
        lastAdmitAttempt = now;
        for (JournalCopy c : all) {
            if (active.size() >= wanted) {
                break;
            }
            if (active.contains(c)) {
                continue;
            }
            try {
                catalog.add(c.open(generation, nextIndex));
                active.add(c);
                LOG.log(Level.DEBUG, "event queue {0}: writing a copy in {1}", name, c.dir);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "event queue {0}: {1} is not writable: {2}", name, c.dir, e.toString());
            }
        }
    }

    /**
     * Writes one batch of encoded records to every active copy in parallel and, with {@code force}, waits for each
     * to be on stable storage. Returns how many copies took it; copies that failed are dropped.
     */
    int write(ByteBuffer batch, long lastIndex, boolean force) {
        if (!force) { // a write() to the page cache each: not worth a thread hop
            List<JournalCopy> failed = new ArrayList<>();
            for (JournalCopy c : active) {
                if (!writeOne(c, batch.duplicate(), lastIndex, false)) {
                    failed.add(c);
                }
            }
            int written = active.size() - failed.size();
            dropFailed(failed);
            return written;
        }
        if (active.size() == 1) {
            return writeOne(active.getFirst(), batch, lastIndex, true) ? 1 : dropFailed(List.of(active.getFirst()));
        }
        List<Future<Boolean>> results = new ArrayList<>();
        for (JournalCopy c : active) {
            ByteBuffer view = batch.duplicate();
            results.add(io.submit(() -> writeOne(c, view, lastIndex, true)));
        }
        List<JournalCopy> failed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            boolean ok;
            try {
                ok = results.get(i).get();
            } catch (Exception e) {
                ok = false;
            }
            if (!ok) {
                failed.add(active.get(i));
            }
        }
        int written = active.size() - failed.size();
        dropFailed(failed);
        return written;
    }

    /** Forces every active copy (records written unforced before); returns how many copies did it. */
    int force() {
        List<JournalCopy> failed = new ArrayList<>();
        for (JournalCopy c : active) {
            try {
                c.force();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "event queue {0}: syncing the copy in {1} failed, continuing without it: {2}",
                        name, c.dir, e.toString());
                failed.add(c);
            }
        }
        int synced = active.size() - failed.size();
        dropFailed(failed);
        return synced;
    }

    private boolean writeOne(JournalCopy c, ByteBuffer batch, long lastIndex, boolean force) {
        try {
            c.append(batch, lastIndex, force);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "event queue {0}: writing the copy in {1} failed, continuing without it: {2}",
                    name, c.dir, e.toString());
            return false;
        }
    }

    private int dropFailed(List<JournalCopy> failed) {
        for (JournalCopy c : failed) {
            c.closeActive();
            active.remove(c);
            lastAdmitAttempt = Long.MIN_VALUE / 2; // look for a replacement at the next batch, not in 5 s
        }
        return 0;
    }

    /**
     * Starts new segments on every active copy once the current ones reach {@code segmentBytes}, syncing the ones
     * it closes first (they may hold records written unforced). Returns whether it rolled.
     */
    boolean rollIfFull(long segmentBytes, long nextIndex) {
        boolean full = active.stream().anyMatch(c -> c.activeSegment().size >= segmentBytes);
        if (!full) {
            return false;
        }
        force();
        for (JournalCopy c : List.copyOf(active)) {
            try {
                catalog.add(c.open(generation, nextIndex));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "event queue {0}: starting a segment in {1} failed: {2}", name, c.dir,
                        e.toString());
                dropFailed(List.of(c));
            }
        }
        return true;
    }

    /** Records the acknowledged index in every directory that takes it (the others may know it, or resend). */
    void writeAck(long index) {
        for (JournalCopy c : all) {
            try {
                c.writeAck(index);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "event queue {0}: recording the acknowledged position in {1} failed: {2}",
                        name, c.dir, e.toString());
            }
        }
    }

    @Override
    public void close() {
        for (JournalCopy c : all) {
            c.closeActive();
        }
        io.shutdownNow();
    }
}
