package dev.cairn.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A plain Kafka consumer of the whole notification topic from its beginning (no group), collecting each record
 * with its key and the time it was received.
 */
final class TopicReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Kafka record: its key ({@code bucket/key}), the S3 event record inside, when it was polled. */
    record Received(String kafkaKey, JsonNode record, long receivedNanos) {
        String bucket() {
            return record.at("/s3/bucket/name").asText();
        }

        String sequencer() {
            return record.at("/s3/object/sequencer").asText();
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final List<Received> received = new ArrayList<>();
    private boolean assigned;

    TopicReader(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, new Properties());
    }

    /** With client settings added, e.g. {@code security.protocol} and {@code sasl.*} for an authenticated broker. */
    TopicReader(String bootstrapServers, String topic, Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put("bootstrap.servers", bootstrapServers);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        this.consumer = new KafkaConsumer<>(p);
        this.topic = topic;
    }

    /** Polls until {@code done} holds for what was received (of every bucket), or the timeout; returns it all. */
    List<Received> pollUntil(Predicate<List<Received>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received) && System.nanoTime() < deadline) {
            if (!assigned && !assign()) {
                sleep();
                continue;
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                try {
                    for (JsonNode e : JSON.readTree(r.value()).path("Records")) {
                        received.add(new Received(r.key(), e, now));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("not JSON: " + r.value(), e);
                }
            }
        }
        return List.copyOf(received);
    }

    /** The records of one bucket received so far (after a poll). */
    static List<Received> of(List<Received> all, String bucket) {
        return all.stream().filter(r -> r.bucket().equals(bucket)).toList();
    }

    static Predicate<List<Received>> atLeast(String bucket, int n) {
        return all -> of(all, bucket).size() >= n;
    }

    private boolean assign() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> tps = partitions.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
        assigned = true;
        return true;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
