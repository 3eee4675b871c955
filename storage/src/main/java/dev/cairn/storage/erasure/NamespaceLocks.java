package dev.cairn.storage.erasure;

import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/**
 * Per-key read/write locks for one node. A writer holds the key's write lock around its commit; a reader holds
 * the read lock while it resolves the version and registers the data it will stream ({@link ActiveReads}), so
 * a read sees either the state before a commit or after it, never half of one. Locks are not owned by threads ({@link StampedLock}): a stream may be closed on another
 * thread than the one that opened it. Entries are reference-counted and removed when unused.
 */
public final class NamespaceLocks {

    private static final class Entry {
        final StampedLock lock = new StampedLock();
        int users;
    }

    /** A held lock; {@link #close()} releases it once (further calls do nothing). */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();
    private final long timeoutMillis;

    public NamespaceLocks(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public Held write(String bucket, String key) {
        return acquire(bucket + "/" + key, true);
    }

    public Held read(String bucket, String key) {
        return acquire(bucket + "/" + key, false);
    }

    private Held acquire(String name, boolean exclusive) {
        Entry e = locks.compute(name, (k, v) -> {
            Entry entry = v == null ? new Entry() : v;
            entry.users++;
            return entry;
        });
        long stamp;
        try {
            stamp = exclusive ? e.lock.tryWriteLock(timeoutMillis, TimeUnit.MILLISECONDS)
                    : e.lock.tryReadLock(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            stamp = 0;
        }
        if (stamp == 0) {
            release(name);
            throw new ObjectException(ObjectError.SLOW_DOWN, "timed out waiting for the lock on " + name);
        }
        long held = stamp;
        return new Held() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    e.lock.unlock(held);
                    release(name);
                }
            }
        };
    }

    private void release(String name) {
        locks.computeIfPresent(name, (k, v) -> --v.users == 0 ? null : v);
    }

    int size() {
        return locks.size();
    }
}
