package dev.cairn.storage.erasure;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of one set heal, read by the admin status endpoint while the heal runs. */
public final class HealProgress {
    public final int set;
    public final Instant started;
    public final AtomicLong keysScanned = new AtomicLong();
    public final AtomicLong versionsHealed = new AtomicLong();
    public final AtomicLong danglingRemoved = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();
    private volatile Instant finished;
    private volatile String currentBucket = "";

    public HealProgress(int set, Instant started) {
        this.set = set;
        this.started = started;
    }

    public Instant finished() {
        return finished;
    }

    void finish(Instant at) {
        finished = at;
    }

    public String currentBucket() {
        return currentBucket;
    }

    void bucket(String b) {
        currentBucket = b;
    }

    void add(HealResult r) {
        versionsHealed.addAndGet(r.versionsHealed());
        danglingRemoved.addAndGet(r.danglingRemoved());
    }

    @Override
    public String toString() {
        return "set " + set + ": " + keysScanned + " keys scanned, " + versionsHealed + " versions healed, "
                + danglingRemoved + " dangling removed, " + failed + " failed"
                + (finished != null ? " (done)" : " (bucket " + currentBucket + ")");
    }
}
