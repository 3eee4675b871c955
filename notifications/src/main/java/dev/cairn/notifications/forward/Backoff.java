package dev.cairn.notifications.forward;

import java.time.Duration;

/** Exponential backoff between failed deliveries: {@code initial}, doubling up to {@code max}; reset on success. */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    public Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = initialMillis;
    }

    /** The wait before the next attempt, and the one after that grows. */
    public long nextDelayMillis() {
        long d = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return d;
    }

    public void reset() {
        nextMillis = initialMillis;
    }
}
