package dev.cairn.notifications.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HybridClockTest {

    @Test
    void sequencersIncreaseEvenWhenTheWallClockStandsStillOrGoesBack() {
        AtomicLong millis = new AtomicLong(1_000);
        InstantSource source = () -> Instant.ofEpochMilli(millis.get());
        HybridClock clock = new HybridClock(source);
        String previous = clock.nextSequencer();
        for (int i = 0; i < 1000; i++) {
            if (i == 500) {
                millis.set(10); // the wall clock stepped back
            }
            if (i == 700) {
                millis.set(5_000);
            }
            String next = clock.nextSequencer();
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            assertEquals(16, next.length());
            previous = next;
        }
        assertEquals(HybridClock.format(5_000L << 16), clock.nextSequencer().substring(0, 12) + "0000");
    }
}
