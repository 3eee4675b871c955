package dev.cairn.notifications.event;

import java.time.InstantSource;

/**
 * The node's event sequencer: a hybrid logical clock, wall-clock milliseconds in the high bits and a counter in
 * the low 16, that never repeats or goes back within a process, and starts past the previous process's values
 * as long as the wall clock moved on across the restart. Rendered as 16 upper-case hex digits, so comparing the
 * strings orders them as the numbers (what S3 promises of {@code sequencer} for one key).
 */
public final class HybridClock {
    private final InstantSource clock;
    private long last;

    public HybridClock(InstantSource clock) {
        this.clock = clock;
    }

    public synchronized long next() {
        long physical = clock.millis() << 16;
        last = Math.max(last + 1, physical);
        return last;
    }

    public String nextSequencer() {
        return format(next());
    }

    public static String format(long value) {
        return String.format("%016X", value);
    }
}
