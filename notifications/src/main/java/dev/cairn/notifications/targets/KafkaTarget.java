package dev.cairn.notifications.targets;

import dev.cairn.notifications.queue.QueuedEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Sends events to a Kafka topic, keyed {@code bucket/key}. A batch is handed to the producer whole and waited
 * for; a producer that failed is closed and a new one made for the next attempt (an idempotent producer can be
 * left in a state only a new instance clears).
 */
public final class KafkaTarget implements EventTarget {
    private final KafkaSettings settings;
    private final Supplier<Producer<byte[], byte[]>> factory;
    private Producer<byte[], byte[]> producer;
    private volatile boolean online = true;

    public KafkaTarget(KafkaSettings settings) {
        this(settings, () -> new KafkaProducer<>(settings.producerProperties()));
    }

    /** With another producer (tests: Kafka's MockProducer). */
    KafkaTarget(KafkaSettings settings, Supplier<Producer<byte[], byte[]>> factory) {
        this.settings = settings;
        this.factory = factory;
    }

    @Override
    public Arn arn() {
        return settings.arn();
    }

    @Override
    public void send(List<QueuedEvent> batch) throws DeliveryException, InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        try {
            if (producer == null) {
                producer = factory.get();
            }
            // The topic's metadata first: without it every send of the batch would block max.block.ms in turn;
            // with it, sends only buffer, and a broker lost mid-batch fails them within delivery.timeout.ms.
            producer.partitionsFor(settings.topic());
            for (QueuedEvent e : batch) {
                sent.add(producer.send(new ProducerRecord<>(settings.topic(),
                        e.key().getBytes(StandardCharsets.UTF_8), e.value())));
            }
            producer.flush();
        } catch (RuntimeException e) {
            fail();
            throw new DeliveryException("sending to " + settings.topic() + " failed: " + e.getMessage(),
                    acknowledged(sent), e);
        }
        int delivered = acknowledged(sent);
        if (delivered < batch.size()) {
            fail();
            Throwable cause = failure(sent.get(delivered));
            throw new DeliveryException("Kafka did not acknowledge " + (batch.size() - delivered) + " of "
                    + batch.size() + " events on " + settings.topic() + ": "
                    + (cause == null ? "unknown" : cause.getMessage()), delivered, cause);
        }
        online = true;
    }

    /** How many leading sends the broker acknowledged. */
    private static int acknowledged(List<Future<RecordMetadata>> sent) throws InterruptedException {
        int n = 0;
        for (Future<RecordMetadata> f : sent) {
            if (failure(f) != null) {
                break;
            }
            n++;
        }
        return n;
    }

    private static Throwable failure(Future<RecordMetadata> f) throws InterruptedException {
        try {
            f.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private void fail() {
        online = false;
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public boolean isOnline() {
        return online;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
