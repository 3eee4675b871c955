package dev.cairn.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Kafka 4.3.1 broker, with the 4.3.1 client (this module's test classpath has it). */
class KafkaBrokerTest {

    @TempDir
    Path dir;

    static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Every value in partition 0 of {@code topic} from the start, waiting until there are {@code expected}. */
    static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition p0 = new TopicPartition(topic, 0);
            consumer.assign(List.of(p0));
            consumer.seekToBeginning(List.of(p0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    @Test
    void recordsSurviveAStopAndACrashOnTheSameDirectoryAndPort() throws Exception {
        KafkaBroker broker = KafkaBroker.builder().dir(dir).build();
        try {
            broker.start();
            String cluster = broker.clusterId().orElseThrow();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                assertEquals(cluster, admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS),
                        "the id we read from meta.properties is the one the broker serves");
                admin.createTopics(List.of(new NewTopic("lifecycle", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            produce(broker.bootstrapServers(), "lifecycle", "k1", "before the stop");

            assertTrue(broker.stop(), "a controlled shutdown within the stop timeout");
            assertFalse(broker.isRunning());
            assertTrue(LoopbackPorts.isFree(broker.port()));

            broker.start();
            assertEquals(cluster, broker.clusterId().orElseThrow());
            produce(broker.bootstrapServers(), "lifecycle", "k2", "before the crash");

            broker.kill();
            broker.start();
            assertEquals(List.of("before the stop", "before the crash"),
                    readAll(broker.bootstrapServers(), "lifecycle", 2));

            String log = Files.readString(broker.logFile());
            assertEquals(1, log.lines().filter(l -> l.contains("=== cairn") && l.contains("formatting")).count());
            assertTrue(log.contains("Kafka Server started"), "Kafka's own output is in the log");
            assertFalse(log.contains("SLF4J: No SLF4J providers"), "slf4j-simple is found");
        } finally {
            broker.stop();
        }
    }

    @Test
    void aSettingTheBrokerRejectsFailsTheStartWithKafkasReason() {
        KafkaBroker broker = KafkaBroker.builder().dir(dir).property("num.io.threads", "many").build();
        KafkaBrokerException e = assertThrows(KafkaBrokerException.class, broker::start);
        assertTrue(e.getMessage().contains("num.io.threads"), e.getMessage());
        assertFalse(broker.isRunning());
    }
}
