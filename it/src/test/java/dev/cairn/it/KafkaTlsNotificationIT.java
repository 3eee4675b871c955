package dev.cairn.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kafka.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node's Kafka target against a SASL_SSL broker with a self-signed certificate (the kafka module's launcher):
 * each way of trusting it that {@code CAIRN_NOTIFY_KAFKA_<ID>_TLS_*} offers (a PEM CA file, a PKCS12 truststore,
 * no verification) delivers, and a node that does not trust the certificate delivers nothing and keeps its events.
 */
class KafkaTlsNotificationIT {
    static final String ARN = "arn:cairn:sqs::SECURE:kafka";

    @TempDir
    static Path dir;
    static KafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaBroker.builder().dir(dir.resolve("kafka")).saslPlain(Map.of("alice", "alice-secret"))
                .scram(Map.of("carol", "carol-secret")).selfSignedTls().build().start();
        assertEquals("SASL_SSL", kafka.securityProtocol());
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    /** A node whose target SECURE writes to {@code topic} with SCRAM-SHA-512 as carol, plus {@code tls}. */
    static CairnProcess node(String name, String topic, Map<String, String> tls) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "CAIRN_NOTIFY_KAFKA_SECURE_BROKERS", kafka.bootstrapServers(),
                "CAIRN_NOTIFY_KAFKA_SECURE_TOPIC", topic,
                "CAIRN_NOTIFY_KAFKA_SECURE_SASL_MECHANISM", "SCRAM-SHA-512",
                "CAIRN_NOTIFY_KAFKA_SECURE_SASL_USERNAME", "carol",
                "CAIRN_NOTIFY_KAFKA_SECURE_SASL_PASSWORD", "carol-secret"));
        env.putAll(tls);
        return CairnProcess.startReady(dir.resolve(name), NotifiedPuts.USER, NotifiedPuts.SECRET, env);
    }

    /** A consumer over SASL_SSL (PLAIN as alice), trusting the broker's certificate as PEM. */
    static TopicReader reader(String topic) {
        Properties p = new Properties();
        p.put("security.protocol", "SASL_SSL");
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", kafka.tlsCertificate().orElseThrow().toString());
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"alice\" password=\"alice-secret\";");
        return new TopicReader(kafka.bootstrapServers(), topic, p);
    }

    static void deliversEveryEvent(String name, Map<String, String> tls, String shownAs) throws Exception {
        String topic = "events-" + name;
        try (CairnProcess node = node("node-" + name, topic, tls); TopicReader topicReader = reader(topic)) {
            List<String> keys = NotifiedPuts.put(node, ARN, name, 5);
            List<TopicReader.Received> all = topicReader.pollUntil(TopicReader.atLeast(name, 5),
                    Duration.ofSeconds(60));
            assertEquals(new TreeSet<>(keys), NotifiedPuts.kafkaKeys(all, name));
            JsonNode t = AdminApi.awaitTarget(node, ARN, NotifiedPuts.USER, NotifiedPuts.SECRET,
                    e -> e.path("pending").asLong() == 0, Duration.ofSeconds(30));
            assertEquals(0, t.path("pending").asLong(), t.toString());
            assertEquals(shownAs, t.at("/settings/tls").asText(), t.toString());
            assertEquals("SCRAM-SHA-512 as carol", t.at("/settings/sasl").asText(), t.toString());
        }
    }

    @Test
    void aPemCaFile() throws Exception {
        deliversEveryEvent("ca-file", Map.of(
                "CAIRN_NOTIFY_KAFKA_SECURE_TLS_CA_FILE", kafka.tlsCertificate().orElseThrow().toString()), "on");
    }

    @Test
    void aPkcs12Truststore() throws Exception {
        deliversEveryEvent("truststore", Map.of(
                "CAIRN_NOTIFY_KAFKA_SECURE_TLS_TRUSTSTORE", kafka.tlsTruststore().orElseThrow().toString(),
                "CAIRN_NOTIFY_KAFKA_SECURE_TLS_TRUSTSTORE_PASSWORD", KafkaBroker.TLS_STORE_PASSWORD), "on");
    }

    @Test
    void noVerification() throws Exception {
        deliversEveryEvent("skip-verify", Map.of("CAIRN_NOTIFY_KAFKA_SECURE_TLS_SKIP_VERIFY", "true"),
                "on, certificates not verified");
    }

    @Test
    void aCertificateTheNodeDoesNotTrustDeliversNothingAndKeepsTheEvents() throws Exception {
        String topic = "events-untrusted";
        // TLS on with only the JDK's CAs: the broker's self-signed certificate is not among them
        try (CairnProcess node = node("node-untrusted", topic, Map.of("CAIRN_NOTIFY_KAFKA_SECURE_TLS_ENABLED",
                "true")); TopicReader topicReader = reader(topic)) {
            NotifiedPuts.put(node, ARN, "untrusted", 3);
            JsonNode t = AdminApi.awaitTarget(node, ARN, NotifiedPuts.USER, NotifiedPuts.SECRET,
                    e -> e.path("failures").asLong() >= 1 && !e.path("lastError").isNull(), Duration.ofSeconds(60));
            assertTrue(t.path("failures").asLong() >= 1, t.toString());
            assertFalse(t.path("online").asBoolean(), t.toString());
            assertEquals(3, t.path("pending").asLong(), "the events stay queued: " + t);
            assertTrue(t.path("lastError").asText().contains("SSL"), t.toString());
            assertEquals(List.of(), topicReader.pollUntil(r -> false, Duration.ofSeconds(3)));
        }
    }
}
