package dev.cairn.notifications.queue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every segment of every copy of one journal, and which one to read an index from. Copies may differ: a copy
 * missed the batches written while its drive was away, and after a crash one copy may hold records another
 * lost to a torn write. The rule: an index is read from a segment that holds it, of the newest generation
 * (a process that restarts writes a new generation; an older one's records past the point the new one started
 * from were never acknowledged). An index no segment holds was never acknowledged either (a batch no copy took).
 */
final class JournalCatalog {
    private final List<Segment> segments = new CopyOnWriteArrayList<>();

    void add(Segment s) {
        segments.add(s);
    }

    void addAll(List<Segment> s) {
        segments.addAll(s);
    }

    /** The segment to read {@code index} from, or null when none holds it. */
    Segment best(long index) {
        Segment best = null;
        for (Segment s : segments) {
            if (s.covers(index) && (best == null || s.generation > best.generation)) {
                best = s;
            }
        }
        return best;
    }

    /** The first index after {@code index} that some readable segment holds, or {@code Long.MAX_VALUE}. */
    long nextHeld(long index) {
        long next = Long.MAX_VALUE;
        for (Segment s : segments) {
            if (!s.unreadable && s.lastIndex > index) {
                next = Math.min(next, Math.max(s.firstIndex, index + 1));
            }
        }
        return next;
    }

    long maxGeneration() {
        return segments.stream().mapToLong(s -> s.generation).max().orElse(0);
    }

    long maxIndex() {
        return segments.stream().mapToLong(s -> s.lastIndex).max().orElse(0);
    }

    /** Segments no longer appended to whose every record is acknowledged: to delete. */
    List<Segment> acknowledged(long acked) {
        return segments.stream().filter(s -> s.lastIndex <= acked && s.copy.activeSegment() != s).toList();
    }

    void remove(Segment s) {
        segments.remove(s);
    }

    int size() {
        return segments.size();
    }
}
