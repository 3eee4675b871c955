package dev.cairn.bench.load;

import java.util.random.RandomGenerator;

/**
 * The object keys of a run, {@code 0..n-1}, with what is known about each: whether this run wrote it (and at what
 * size, which a verified GET needs) and whether an operation on it is in flight.
 *
 * <p>A key is claimed by one operation at a time, so a GET never races a PUT of another size or a DELETE of the
 * same key, and the outcome of every operation is predictable (no spurious NoSuchKey or verify failures). Written
 * keys are also kept in a dense array so a random written key is found in O(1) however sparse they are.
 * All methods are synchronized; they are short.
 */
final class KeySpace {
    private static final int TRIES = 32;

    private final String prefix;
    private final long[] sizes; // -1: not written by this run
    private final boolean[] busy;
    private final int[] written; // dense set of written keys
    private final int[] slot; // key -> its index in written, or -1
    private int writtenCount;

    KeySpace(String prefix, int n) {
        this.prefix = prefix;
        this.sizes = new long[n];
        this.busy = new boolean[n];
        this.written = new int[n];
        this.slot = new int[n];
        java.util.Arrays.fill(sizes, -1);
        java.util.Arrays.fill(slot, -1);
    }

    int size() {
        return sizes.length;
    }

    String name(int key) {
        return prefix + key;
    }

    synchronized long sizeOf(int key) {
        return sizes[key];
    }

    synchronized int writtenCount() {
        return writtenCount;
    }

    /** Claims a random key that is not in flight, to write it; -1 when none was found in a few tries. */
    synchronized int claimAny(RandomGenerator random) {
        for (int i = 0; i < TRIES; i++) {
            int k = random.nextInt(sizes.length);
            if (!busy[k]) {
                busy[k] = true;
                return k;
            }
        }
        return -1;
    }

    /** Claims key {@code k} if it is not in flight (prefill). */
    synchronized boolean claim(int k) {
        if (busy[k]) {
            return false;
        }
        busy[k] = true;
        return true;
    }

    /** Claims a random key written by this run and not in flight; -1 when none was found in a few tries. */
    synchronized int claimWritten(RandomGenerator random) {
        for (int i = 0; i < TRIES && writtenCount > 0; i++) {
            int k = written[random.nextInt(writtenCount)];
            if (!busy[k]) {
                busy[k] = true;
                return k;
            }
        }
        return -1;
    }

    /** Ends a claim leaving the key as it was (a read, or a failure that changed nothing). */
    synchronized void release(int k) {
        busy[k] = false;
    }

    /**
     * Ends a claim recording the key's new state: {@code size >= 0} written at that size, -1 absent or unknown
     * (deleted, or a write that failed midway: it is not read again until rewritten).
     */
    synchronized void release(int k, long size) {
        busy[k] = false;
        sizes[k] = size;
        if (size >= 0 && slot[k] < 0) {
            slot[k] = writtenCount;
            written[writtenCount++] = k;
        } else if (size < 0 && slot[k] >= 0) {
            int last = written[--writtenCount];
            written[slot[k]] = last;
            slot[last] = slot[k];
            slot[k] = -1;
        }
    }
}
