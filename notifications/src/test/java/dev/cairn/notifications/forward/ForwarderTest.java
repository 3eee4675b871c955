package dev.cairn.notifications.forward;

import dev.cairn.notifications.queue.EventJournal;
import dev.cairn.notifications.queue.QueuedEvent;
import dev.cairn.notifications.targets.Arn;
import dev.cairn.notifications.targets.DeliveryException;
import dev.cairn.notifications.targets.EventTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forwarder's retry behaviour, stepped by hand with a target that fails as told and a sleeper that records. */
class ForwarderTest {
    @TempDir
    Path dir;
    EventJournal journal;
    final List<Long> sleeps = new ArrayList<>();
    final FlakyTarget target = new FlakyTarget();
    Forwarder forwarder;

    /** Accepts events, or refuses after accepting {@code acceptBeforeFailing} of a batch while {@code failures} > 0. */
    static final class FlakyTarget implements EventTarget {
        final List<String> received = new ArrayList<>();
        int failures;
        int acceptBeforeFailing;

        @Override
        public Arn arn() {
            return new Arn("flaky", "webhook");
        }

        @Override
        public void send(List<QueuedEvent> batch) throws DeliveryException {
            if (failures > 0) {
                failures--;
                int n = Math.min(acceptBeforeFailing, batch.size());
                batch.subList(0, n).forEach(e -> received.add(new String(e.value(), StandardCharsets.UTF_8)));
                throw new DeliveryException("refused", n, null);
            }
            batch.forEach(e -> received.add(new String(e.value(), StandardCharsets.UTF_8)));
        }

        @Override
        public boolean isOnline() {
            return failures == 0;
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void open() {
        journal = EventJournal.open("webhook-flaky", List.of(dir.resolve("a"), dir.resolve("b")),
                EventJournal.Options.DEFAULTS);
        forwarder = new Forwarder(journal, target, new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000)),
                sleeps::add, Duration.ZERO);
    }

    @AfterEach
    void close() throws InterruptedException {
        forwarder.close();
        journal.close();
    }

    void queue(int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            journal.append(QueuedEvent.encode("b/k", ("e" + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    static List<String> names(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add("e" + i);
        }
        return out;
    }

    @Test
    void aFailingTargetIsRetriedWithGrowingBackoffAndNothingIsDropped() throws Exception {
        queue(1, 5);
        target.failures = 6;
        for (int i = 0; i < 6; i++) {
            assertFalse(forwarder.step());
        }
        assertEquals(List.of(100L, 200L, 400L, 800L, 1000L, 1000L), sleeps, "doubling up to the cap");
        assertEquals(5, journal.pending(), "nothing acknowledged while the target refuses");
        assertEquals("refused", forwarder.lastError());
        assertTrue(forwarder.step());
        assertEquals(names(1, 5), target.received);
        assertEquals(0, journal.pending());
        assertNull(forwarder.lastError());
        assertEquals(6, forwarder.failures());

        target.failures = 1;
        queue(6, 6);
        assertFalse(forwarder.step());
        assertEquals(100L, sleeps.getLast(), "a success resets the backoff");
    }

    @Test
    void placesGivenUpAreAcknowledgedWithoutBeingSent() throws Exception {
        journal.reserve().cancel();
        queue(1, 1);
        journal.reserve().cancel();
        assertTrue(forwarder.step());
        assertEquals(names(1, 1), target.received, "only the event, not the voids around it");
        journal.awaitStored();
        if (journal.acked() < 3) { // the last void may have been written after the first read
            assertTrue(forwarder.step());
        }
        assertEquals(3, journal.acked(), "the voids are acknowledged with it");
        assertEquals(names(1, 1), target.received);
    }

    @Test
    void aSmallBatchLingersForMoreEventsBeforeItIsSent() throws Exception {
        Forwarder lingering = new Forwarder(journal, target, new Backoff(Duration.ofMillis(100),
                Duration.ofMillis(1000)), millis -> {
            sleeps.add(millis);
            try {
                queue(2, 3); // what arrives while it waits goes in the same delivery
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, Duration.ofMillis(20));
        queue(1, 1);
        assertTrue(lingering.step());
        assertEquals(List.of(20L), sleeps);
        assertEquals(names(1, 3), target.received);
        assertEquals(3, journal.acked());
    }

    @Test
    void whatAFailedBatchDeliveredIsAcknowledgedAndTheRestSentAgain() throws Exception {
        queue(1, 10);
        target.failures = 1;
        target.acceptBeforeFailing = 4;
        assertFalse(forwarder.step());
        assertEquals(4, journal.acked());
        assertTrue(forwarder.step());
        assertEquals(names(1, 10), target.received, "each event once, in order");
        assertEquals(10, forwarder.sent());
    }

    @Test
    void eventsQueuedWhileTheTargetWasAwayFlowInOrderOnceItIsBack() throws Exception {
        target.failures = Integer.MAX_VALUE;
        queue(1, 700);
        for (int i = 0; i < 3; i++) {
            forwarder.step();
        }
        target.failures = 0;
        while (forwarder.step()) {
            // batches of at most Forwarder.BATCH
        }
        assertEquals(names(1, 700), target.received);
        assertEquals(700, journal.acked());
    }
}
