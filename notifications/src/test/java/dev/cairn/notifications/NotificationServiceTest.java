package dev.cairn.notifications;

import dev.cairn.notifications.config.NotificationConfiguration;
import dev.cairn.notifications.queue.EventJournal;
import dev.cairn.notifications.queue.QueuedEvent;
import dev.cairn.notifications.targets.Arn;
import dev.cairn.notifications.targets.DeliveryException;
import dev.cairn.notifications.targets.EventTarget;
import dev.cairn.notifications.targets.TargetSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sink as the node uses it: configurations select events, queues keep them, forwarders deliver them. */
class NotificationServiceTest {
    static final String ARN = "arn:cairn:sqs::hook:webhook";

    @TempDir
    Path dir;
    NotificationService service;
    final List<QueuedEvent> delivered = new CopyOnWriteArrayList<>();
    volatile boolean targetUp = true;

    final class RecordingTarget implements EventTarget {
        @Override
        public Arn arn() {
            return new Arn("hook", "webhook");
        }

        @Override
        public void send(List<QueuedEvent> batch) throws DeliveryException {
            if (!targetUp) {
                throw new DeliveryException("down", 0, null);
            }
            delivered.addAll(batch);
        }

        @Override
        public boolean isOnline() {
            return targetUp;
        }

        @Override
        public void close() {
        }
    }

    @AfterEach
    void close() throws InterruptedException {
        service.close();
    }

    EventSink start(long queueLimit) {
        List<TargetSettings> targets = TargetSettings.parse(Map.of("CAIRN_NOTIFY_WEBHOOK_HOOK_ENDPOINT",
                "http://127.0.0.1:1/", "CAIRN_NOTIFY_WEBHOOK_HOOK_QUEUE_LIMIT", Long.toString(queueLimit)), Map.of());
        service = NotificationService.start(targets, arn -> List.of(dir.resolve("d1/" + arn.directoryName()),
                dir.resolve("d2/" + arn.directoryName())), EventJournal.Options.DEFAULTS, "us-east-1",
                InstantSource.system(), s -> new RecordingTarget());
        NotificationConfiguration config = NotificationConfiguration.parse(("<NotificationConfiguration>"
                + "<QueueConfiguration><Id>jpg</Id><Queue>" + ARN + "</Queue><Event>s3:ObjectCreated:*</Event>"
                + "<Filter><S3Key><FilterRule><Name>suffix</Name><Value>.jpg</Value></FilterRule></S3Key></Filter>"
                + "</QueueConfiguration></NotificationConfiguration>").getBytes(StandardCharsets.UTF_8),
                service::knows);
        return service.sink(bucket -> bucket.equals("photos") ? config : NotificationConfiguration.EMPTY);
    }

    static ObjectEvent put(String bucket, String key) {
        return new ObjectEvent(EventName.OBJECT_CREATED_PUT, Instant.now(), new ObjectEvent.Bucket(bucket, "o"),
                new ObjectEvent.ObjectVersion(key, 1L, "e", null, "image/jpeg", Map.of()),
                new ObjectEvent.Caller("u", "127.0.0.1", "R", "H"));
    }

    void awaitDelivered(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (delivered.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void selectedEventsAreQueuedAndDeliveredInOrderWithIncreasingSequencers() throws Exception {
        EventSink sink = start(1000);
        assertTrue(service.knows("arn:cairn:sqs::HOOK:webhook"));
        assertFalse(service.knows("arn:cairn:sqs::hook:kafka"));
        assertTrue(sink.wants("photos"));
        assertFalse(sink.wants("other"));
        sink.record(put("photos", "a.jpg"));
        sink.record(put("photos", "b.png")); // not selected: suffix
        sink.record(put("other", "c.jpg")); // not selected: no configuration
        sink.record(put("photos", "d.jpg"));
        // the queue is delivered in order: once this last selected event is through, anything wrongly queued
        // before it would have been delivered too, so no waiting for "nothing more" is needed
        sink.record(put("photos", "z.jpg"));
        awaitDelivered(3);
        assertEquals(List.of("photos/a.jpg", "photos/d.jpg", "photos/z.jpg"),
                delivered.stream().map(QueuedEvent::key).toList());
        String first = new String(delivered.get(0).value(), StandardCharsets.UTF_8);
        String second = new String(delivered.get(1).value(), StandardCharsets.UTF_8);
        assertTrue(first.contains("\"configurationId\":\"jpg\""), first);
        assertTrue(sequencer(first).compareTo(sequencer(second)) < 0);
        TargetStatus status = service.status().getFirst();
        assertEquals(3, status.queued());
        assertEquals(3, status.sent());
        assertEquals(0, status.pending());
    }

    @Test
    void aFullQueueDropsAndCountsButNeverFailsTheCaller() throws Exception {
        targetUp = false;
        EventSink sink = start(3);
        for (int i = 0; i < 5; i++) {
            sink.record(put("photos", i + ".jpg"));
        }
        TargetStatus status = service.status().getFirst();
        assertEquals(3, status.queued());
        assertEquals(2, status.dropped());
        assertEquals(3, status.pending());
        targetUp = true;
        awaitDelivered(3);
        assertEquals(List.of("photos/0.jpg", "photos/1.jpg", "photos/2.jpg"),
                delivered.stream().map(QueuedEvent::key).toList());
    }

    @Test
    void anEventWhoseRiderIsDurableIsNotWaitedForAndAnAbandonedCommitGivesItsPlaceUp() throws Exception {
        targetUp = false;
        EventSink sink = start(1000);
        EventSink.Reserved kept = sink.prepare(put("photos", "kept.jpg"));
        EventSink.Reserved failed = sink.prepare(put("photos", "failed.jpg"));
        EventRider.Carried carried = EventRider.decode(kept.rider());
        assertEquals(put("photos", "kept.jpg").object(), carried.event().object(), "the rider holds the event");
        List<EventRider.Place> places = carried.places();
        assertEquals(1, places.size());
        assertEquals("webhook-hook", places.getFirst().queue());
        assertEquals("jpg", places.getFirst().ruleId());
        assertEquals(places.getFirst().index() + 1, EventRider.decode(failed.rider()).places().getFirst().index());
        failed.abandoned();
        assertSame(EventSink.Queued.DONE, kept.committed(2), "two copies of the rider: nothing to wait for");
        assertNotSame(EventSink.Queued.DONE, sink.prepare(put("photos", "late.jpg")).committed(1),
                "one copy of the rider is fewer than the queue keeps: the caller waits for the queue");
        targetUp = true;
        awaitDelivered(2);
        assertEquals(List.of("photos/kept.jpg", "photos/late.jpg"), delivered.stream().map(QueuedEvent::key).toList());
        assertSame(EventSink.Reserved.NONE, sink.prepare(put("other", "x.jpg")), "no rule selects it: no place");
    }

    @Test
    void restorePutsBackWhatTheQueueLostAndLeavesAloneWhatItHolds() throws Exception {
        targetUp = false;
        EventSink sink = start(1000);
        EventSink.Reserved held = sink.prepare(put("photos", "held.jpg"));
        held.committed(0).await(); // stored by the queue itself
        EventSink.Reserved lost = sink.prepare(put("photos", "lost.jpg"));
        lost.committed(2);
        service.close();
        try (Stream<Path> files = Files.walk(dir)) { // a crash took the queue's unsynced tail: here, all of it
            for (Path seg : files.filter(f -> f.toString().endsWith(".seg")).toList()) {
                Files.delete(seg);
            }
        }
        targetUp = true;
        start(1000);
        assertEquals(2, service.restore(List.of(held.rider(), lost.rider())), "both were lost with the segments");
        awaitDelivered(2);
        assertEquals(List.of("photos/held.jpg", "photos/lost.jpg"), delivered.stream().map(QueuedEvent::key).toList());
        assertEquals(0, service.restore(List.of(held.rider(), lost.rider())), "the queue has passed them now");
        assertEquals(0, service.restore(List.of(new byte[] {9, 9})), "a rider it cannot read is skipped");
    }

    static String sequencer(String json) {
        int at = json.indexOf("\"sequencer\":\"") + 13;
        return json.substring(at, at + 16);
    }
}
