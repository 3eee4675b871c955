package dev.cairn.notifications.targets;

import dev.cairn.notifications.queue.QueuedEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer side against Kafka's MockProducer; the real broker is exercised by the it/ tests. */
class KafkaTargetTest {
    static final KafkaSettings SETTINGS = new KafkaSettings(new Arn("main", "kafka"), List.of("127.0.0.1:1"),
            "events", null, null, 100);

    static List<QueuedEvent> events(int n) {
        List<QueuedEvent> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new QueuedEvent(i, "bucket/key" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void sendsEveryEventToTheTopicKeyedByBucketAndKey() throws Exception {
        MockProducer<byte[], byte[]> mock = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        try (KafkaTarget t = new KafkaTarget(SETTINGS, () -> mock)) {
            t.send(events(3));
            assertTrue(t.isOnline());
        }
        List<ProducerRecord<byte[], byte[]>> sent = mock.history();
        assertEquals(3, sent.size());
        assertEquals("events", sent.get(0).topic());
        assertEquals("bucket/key2", new String(sent.get(1).key(), StandardCharsets.UTF_8));
        assertEquals("v3", new String(sent.get(2).value(), StandardCharsets.UTF_8));
    }

    /** A producer whose broker acknowledges the first {@code good} records of its life and refuses the rest. */
    static final class RefusingProducer extends MockProducer<byte[], byte[]> {
        private final int good;
        private int sends;

        RefusingProducer(int good) {
            super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
            this.good = good;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
            return ++sends <= good ? super.send(record)
                    : CompletableFuture.failedFuture(new TimeoutException("broker away"));
        }
    }

    @Test
    void aRefusedSendReportsTheAcknowledgedPrefixAndANewProducerIsMadeForTheRetry() throws Exception {
        List<RefusingProducer> made = new ArrayList<>();
        KafkaTarget t = new KafkaTarget(SETTINGS, () -> {
            RefusingProducer p = new RefusingProducer(made.isEmpty() ? 1 : 100);
            made.add(p);
            return p;
        });
        DeliveryException e = assertThrows(DeliveryException.class, () -> t.send(events(3)));
        assertEquals(1, e.delivered());
        assertTrue(e.getMessage().contains("broker away"), e.getMessage());
        assertFalse(t.isOnline());
        assertTrue(made.getFirst().closed(), "a failed producer is closed");
        t.send(events(3).subList(1, 3));
        assertTrue(t.isOnline());
        assertEquals(2, made.size(), "the retry used a new producer");
        assertEquals(2, made.get(1).history().size());
        t.close();
    }
}
