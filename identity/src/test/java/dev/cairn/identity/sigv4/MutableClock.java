package dev.cairn.identity.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests set and advance; nothing in the tests sleeps. */
final class MutableClock implements InstantSource {

    private Instant now;

    MutableClock(Instant now) {
        this.now = now;
    }

    static MutableClock at(String iso) {
        return new MutableClock(Instant.parse(iso));
    }

    @Override
    public Instant instant() {
        return now;
    }

    void set(Instant t) {
        now = t;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }
}
