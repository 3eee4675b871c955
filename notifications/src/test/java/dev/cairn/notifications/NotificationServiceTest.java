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
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    static String sequencer(String json) {
        int at = json.indexOf("\"sequencer\":\"") + 13;
        return json.substring(at, at + 16);
    }
}
