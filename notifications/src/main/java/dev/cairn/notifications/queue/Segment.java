package dev.cairn.notifications.queue;

import java.nio.file.Path;

/**
 * One segment file of one journal copy as the journal knows it: which indices it holds. {@link #lastIndex}
 * grows while the segment is being appended to, and only past records that are on stable storage.
 */
final class Segment {
    final JournalCopy copy;
    final Path path;
    final long generation;
    final long firstIndex;
    /** The last index durably in the file; {@code firstIndex - 1} while empty. */
    volatile long lastIndex;
    /** Bytes in the file, header included, up to the end of the last valid record. */
    volatile long size;
    /** Set when reading it failed: readers then take another copy's segment. */
    volatile boolean unreadable;

    Segment(JournalCopy copy, Path path, long generation, long firstIndex, long lastIndex, long size) {
        this.copy = copy;
        this.path = path;
        this.generation = generation;
        this.firstIndex = firstIndex;
        this.lastIndex = lastIndex;
        this.size = size;
    }

    boolean covers(long index) {
        return !unreadable && firstIndex <= index && index <= lastIndex;
    }

    @Override
    public String toString() {
        return path + " [" + firstIndex + ".." + lastIndex + "] gen " + generation;
    }
}
