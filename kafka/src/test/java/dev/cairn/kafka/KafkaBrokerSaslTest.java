package dev.cairn.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real broker built with SASL users, spoken to by the 4.3.1 client with each mechanism. */
class KafkaBrokerSaslTest {

    @TempDir
    static Path dir;
    static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.builder().dir(dir)
                .saslPlain(Map.of("alice", "alice-secret"))
                .scram(Map.of("carol", "carol-secret"))
                .build().start();
    }

    @AfterAll
    static void stop() {
        broker.stop();
    }

    static Map<String, Object> client(String mechanism, String user, String password) {
        return user == null ? new HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers()))
                : SecureClients.sasl(broker.bootstrapServers(), mechanism, user, password);
    }

    @Test
    void theClientListenerIsSaslPlaintextWithEveryMechanism() {
        assertEquals("SASL_PLAINTEXT", broker.securityProtocol());
        assertEquals(List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"), broker.saslMechanisms());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"PLAIN, alice, alice-secret", "SCRAM-SHA-256, carol, carol-secret",
            "SCRAM-SHA-512, carol, carol-secret"})
    void aUserProducesAndConsumesWithItsMechanism(String mechanism, String user, String password) throws Exception {
        String topic = "t-" + mechanism.toLowerCase();
        SecureClients.produce(client(mechanism, user, password), topic, "by " + user);
        assertEquals(List.of("by " + user), SecureClients.readAll(client(mechanism, user, password), topic, 1));
    }

    @ParameterizedTest(name = "{0} as {1} with a wrong password")
    @CsvSource({"PLAIN, alice, wrong", "SCRAM-SHA-256, carol, wrong", "PLAIN, carol, carol-secret",
            "SCRAM-SHA-512, alice, alice-secret"})
    void aWrongPasswordOrMechanismIsRefused(String mechanism, String user, String password) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> SecureClients.produce(client(mechanism, user, password), "refused", "x"));
        assertInstanceOf(SaslAuthenticationException.class, e.getCause(), e.toString());
    }

    @Test
    void aClientWithoutSaslGetsNothingFromTheClientPort() {
        Map<String, Object> p = client(null, null, null);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            // the broker drops the connection of a client that does not start a SASL handshake, so the client never
            // learns the cluster's metadata and gives up after max.block.ms
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>("unauthenticated", "x")).get(10, TimeUnit.SECONDS));
            assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, e.getCause(), e.toString());
        }
    }

    @Test
    void scramUsersSurviveARestartBecauseTheyLiveInTheMetadataLog() throws Exception {
        Map<String, Object> carol = client("SCRAM-SHA-256", "carol", "carol-secret");
        SecureClients.produce(carol, "restart", "before");
        assertTrue(broker.stop());
        broker.start();
        SecureClients.produce(carol, "restart", "after");
        assertEquals(List.of("before", "after"), SecureClients.readAll(carol, "restart", 2));
    }
}
