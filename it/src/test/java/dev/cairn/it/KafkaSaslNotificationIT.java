package dev.cairn.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kafka.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's Kafka target against a broker whose client listener wants SASL (the kafka module's launcher with
 * PLAIN and SCRAM users): the producer settings the node generates from {@code CAIRN_NOTIFY_KAFKA_<ID>_SASL_*}
 * authenticate for real, and a wrong password delivers nothing and loses nothing. The events are read back by a
 * consumer configured here, independently of the node's code.
 */
class KafkaSaslNotificationIT {
    static final String USER = NotifiedPuts.USER;
    static final String SECRET = NotifiedPuts.SECRET;
    static final String ARN = "arn:cairn:sqs::SECURE:kafka";
    static final Map<String, String> PLAIN_USERS = Map.of("alice", "alice-secret");
    static final Map<String, String> SCRAM_USERS = Map.of("carol", "carol-secret");

    @TempDir
    static Path dir;
    static KafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaBroker.builder().dir(dir.resolve("kafka")).saslPlain(PLAIN_USERS).scram(SCRAM_USERS).build()
                .start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    /** A node whose target SECURE writes to {@code topic} as {@code user} with {@code mechanism}. */
    static CairnProcess node(String name, String topic, String mechanism, String user, String password)
            throws Exception {
        return CairnProcess.startReady(dir.resolve(name), USER, SECRET, Map.of(
                "CAIRN_NOTIFY_KAFKA_SECURE_BROKERS", kafka.bootstrapServers(),
                "CAIRN_NOTIFY_KAFKA_SECURE_TOPIC", topic,
                "CAIRN_NOTIFY_KAFKA_SECURE_SASL_MECHANISM", mechanism,
                "CAIRN_NOTIFY_KAFKA_SECURE_SASL_USERNAME", user,
                "CAIRN_NOTIFY_KAFKA_SECURE_SASL_PASSWORD", password));
    }

    /** A consumer that authenticates the way any client of the cluster would. */
    static TopicReader reader(String topic, String mechanism, String user, String password) {
        Properties p = new Properties();
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", mechanism);
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        p.put("sasl.jaas.config", module + " required username=\"" + user + "\" password=\"" + password + "\";");
        return new TopicReader(kafka.bootstrapServers(), topic, p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PLAIN, alice, alice-secret", "SCRAM-SHA-256, carol, carol-secret",
            "SCRAM-SHA-512, carol, carol-secret"})
    void eventsArriveThroughAnAuthenticatedListener(String mechanism, String user, String password)
            throws Exception {
        String name = mechanism.toLowerCase();
        String topic = "events-" + name;
        try (CairnProcess node = node("node-" + name, topic, mechanism, user, password);
             TopicReader topicReader = reader(topic, mechanism, user, password)) {
            List<String> keys = NotifiedPuts.put(node, ARN, name, 5);
            List<TopicReader.Received> all = topicReader.pollUntil(TopicReader.atLeast(name, 5),
                    Duration.ofSeconds(60));
            assertEquals(new TreeSet<>(keys), NotifiedPuts.kafkaKeys(all, name));
            JsonNode target = AdminApi.target(node, ARN, USER, SECRET);
            assertEquals(mechanism + " as " + user, target.at("/settings/sasl").asText(), target.toString());
            assertFalse(target.toString().contains(password), "the password is never shown: " + target);
            assertTrue(target.path("online").asBoolean(), target.toString());
            assertEquals(0, awaitPending(node, 0).path("pending").asLong(), "all acknowledged");
        }
    }

    @Test
    void aWrongPasswordDeliversNothingAndTheQueuedEventsArriveOnceItIsCorrected() throws Exception {
        String topic = "events-wrong-password";
        Path nodeDir = dir.resolve("node-wrong-password");
        List<String> keys;
        try (CairnProcess node = node("node-wrong-password", topic, "PLAIN", "alice", "not-alices-password")) {
            keys = NotifiedPuts.put(node, ARN, "refused", 5);
            JsonNode target = awaitFailure(node);
            assertFalse(target.path("online").asBoolean(), target.toString());
            assertEquals(5, target.path("pending").asLong(), "every event stays queued: " + target);
            assertEquals(0, target.path("sent").asLong(), target.toString());
            assertEquals(0, target.path("dropped").asLong(), target.toString());
            assertTrue(target.path("lastError").asText().contains("Authentication failed"), target.toString());
        }
        try (TopicReader topicReader = reader(topic, "PLAIN", "alice", "alice-secret")) {
            assertEquals(List.of(), topicReader.pollUntil(r -> false, Duration.ofSeconds(3)),
                    "nothing reached the topic");
            // the same drives with the right password: the queue kept on them is delivered, nothing lost
            try (CairnProcess node = node(nodeDir.getFileName().toString(), topic, "PLAIN", "alice",
                    "alice-secret")) {
                List<TopicReader.Received> all = topicReader.pollUntil(TopicReader.atLeast("refused", 5),
                        Duration.ofSeconds(60));
                assertEquals(new TreeSet<>(keys), NotifiedPuts.kafkaKeys(all, "refused"));
                assertEquals(0, awaitPending(node, 0).path("pending").asLong());
            }
        }
    }

    static JsonNode awaitFailure(CairnProcess node) throws Exception {
        JsonNode t = AdminApi.awaitTarget(node, ARN, USER, SECRET,
                e -> e.path("failures").asLong() >= 1 && !e.path("lastError").isNull(), Duration.ofSeconds(60));
        assertTrue(t.path("failures").asLong() >= 1, "a failed delivery within 60 s: " + t);
        return t;
    }

    static JsonNode awaitPending(CairnProcess node, long n) throws Exception {
        return AdminApi.awaitTarget(node, ARN, USER, SECRET, e -> e.path("pending").asLong() == n,
                Duration.ofSeconds(30));
    }
}
