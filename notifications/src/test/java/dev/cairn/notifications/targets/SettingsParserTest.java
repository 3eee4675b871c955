package dev.cairn.notifications.targets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsParserTest {

    @Test
    void readsKafkaAndWebhookTargetsFromTheEnvironment() {
        List<TargetSettings> targets = TargetSettings.parse(Map.of(
                "CAIRN_NOTIFY_KAFKA_PRIMARY_BROKERS", "127.0.0.1:9092, 127.0.0.1:9093",
                "CAIRN_NOTIFY_KAFKA_PRIMARY_TOPIC", "bucket-events",
                "CAIRN_NOTIFY_KAFKA_PRIMARY_QUEUE_LIMIT", "5000",
                "CAIRN_NOTIFY_WEBHOOK_AUDIT_LOG_ENDPOINT", "http://127.0.0.1:8080/hook",
                "CAIRN_NOTIFY_WEBHOOK_AUDIT_LOG_AUTH_TOKEN", "s3cret",
                "CAIRN_ROOT_USER", "ignored",
                "PATH", "/usr/bin"), Map.of());
        assertEquals(2, targets.size());
        KafkaSettings k = (KafkaSettings) targets.get(0);
        assertEquals("arn:cairn:sqs::PRIMARY:kafka", k.arn().toString());
        assertEquals(List.of("127.0.0.1:9092", "127.0.0.1:9093"), k.brokers());
        assertEquals("bucket-events", k.topic());
        assertEquals(5000, k.queueLimit());
        assertNull(k.sasl());
        assertNull(k.tls());
        WebhookSettings w = (WebhookSettings) targets.get(1);
        assertEquals("arn:cairn:sqs::AUDIT_LOG:webhook", w.arn().toString());
        assertEquals("s3cret", w.authToken());
        assertEquals(TargetSettings.DEFAULT_QUEUE_LIMIT, w.queueLimit());
        assertEquals("set", w.describe().get("authToken"), "secrets are never listed");
    }

    @Test
    void configurationKeysWorkTooAndTheEnvironmentWins() {
        List<TargetSettings> targets = TargetSettings.parse(
                Map.of("CAIRN_NOTIFY_KAFKA_MAIN_TOPIC", "from-env"),
                Map.of("cairn.notify.kafka.main.brokers", "localhost:9092", "cairn.notify.kafka.main.topic", "from-key",
                        "cairn.notify.kafka.main.sasl.mechanism", "scram-sha-512",
                        "cairn.notify.kafka.main.sasl-username", "u", "cairn.notify.kafka.main.sasl.password", "p",
                        "cairn.root-user", "not ours"));
        KafkaSettings k = (KafkaSettings) targets.getFirst();
        assertEquals("from-env", k.topic());
        assertEquals(new KafkaSettings.Sasl("SCRAM-SHA-512", "u", "p"), k.sasl());
        assertTrue(k.arn().matches("arn:cairn:sqs::MAIN:kafka"), "ids compare without case");
    }

    @Test
    void producerIsDurableIdempotentAndSecuredAsConfigured() {
        KafkaSettings k = (KafkaSettings) TargetSettings.parse(Map.of(
                "CAIRN_NOTIFY_KAFKA_X_BROKERS", "h:1", "CAIRN_NOTIFY_KAFKA_X_TOPIC", "t",
                "CAIRN_NOTIFY_KAFKA_X_SASL_USERNAME", "user", "CAIRN_NOTIFY_KAFKA_X_SASL_PASSWORD", "pa\"ss",
                "CAIRN_NOTIFY_KAFKA_X_TLS_CA_FILE", "/etc/ca.pem"), Map.of()).getFirst();
        Properties p = k.producerProperties();
        assertEquals("all", p.get("acks"));
        assertEquals("true", p.get("enable.idempotence"));
        assertEquals("SASL_SSL", p.get("security.protocol"));
        assertEquals("PLAIN", p.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"user\" "
                + "password=\"pa\\\"ss\";", p.get("sasl.jaas.config"));
        assertEquals("PEM", p.get("ssl.truststore.type"));
        assertEquals("/etc/ca.pem", p.get("ssl.truststore.location"));

        KafkaSettings skip = (KafkaSettings) TargetSettings.parse(Map.of("CAIRN_NOTIFY_KAFKA_Y_BROKERS", "h:1",
                "CAIRN_NOTIFY_KAFKA_Y_TOPIC", "t", "CAIRN_NOTIFY_KAFKA_Y_TLS_SKIP_VERIFY", "true"), Map.of()).getFirst();
        assertEquals("SSL", skip.producerProperties().get("security.protocol"));
        assertEquals(TrustAllSslEngineFactory.class.getName(), skip.producerProperties().get("ssl.engine.factory.class"));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Map.of("CAIRN_NOTIFY_KAFKA_A_TOPIC", "t"), "CAIRN_NOTIFY_KAFKA_A_BROKERS"),
                Arguments.of(Map.of("CAIRN_NOTIFY_KAFKA_A_BROKERS", "h:1"), "CAIRN_NOTIFY_KAFKA_A_TOPIC"),
                Arguments.of(Map.of("CAIRN_NOTIFY_KAFKA_A_BROKERS", "nohost", "CAIRN_NOTIFY_KAFKA_A_TOPIC", "t"),
                        "not host:port"),
                Arguments.of(Map.of("CAIRN_NOTIFY_KAFKA_A_BROKERZ", "h:1"), "unknown setting"),
                Arguments.of(Map.of("CAIRN_NOTIFY_AMQP_A_URL", "x"), "unknown notification target kind"),
                Arguments.of(Map.of("CAIRN_NOTIFY_KAFKA_A_BROKERS", "h:1", "CAIRN_NOTIFY_KAFKA_A_TOPIC", "t",
                        "CAIRN_NOTIFY_KAFKA_A_SASL_MECHANISM", "GSSAPI", "CAIRN_NOTIFY_KAFKA_A_SASL_USERNAME", "u",
                        "CAIRN_NOTIFY_KAFKA_A_SASL_PASSWORD", "p"), "GSSAPI"),
                Arguments.of(Map.of("CAIRN_NOTIFY_KAFKA_A_BROKERS", "h:1", "CAIRN_NOTIFY_KAFKA_A_TOPIC", "t",
                        "CAIRN_NOTIFY_KAFKA_A_SASL_USERNAME", "u"), "CAIRN_NOTIFY_KAFKA_A_SASL_PASSWORD"),
                Arguments.of(Map.of("CAIRN_NOTIFY_KAFKA_A_BROKERS", "h:1", "CAIRN_NOTIFY_KAFKA_A_TOPIC", "t",
                        "CAIRN_NOTIFY_KAFKA_A_QUEUE_LIMIT", "-3"), "positive number"),
                Arguments.of(Map.of("CAIRN_NOTIFY_KAFKA_A_BROKERS", "h:1", "CAIRN_NOTIFY_KAFKA_A_TOPIC", "t",
                        "CAIRN_NOTIFY_KAFKA_A_TLS_ENABLED", "maybe"), "true or false"),
                Arguments.of(Map.of("CAIRN_NOTIFY_WEBHOOK_H_ENDPOINT", "ftp://x/"), "http(s)"),
                Arguments.of(Map.of("CAIRN_NOTIFY_WEBHOOK_H_AUTH_TOKEN", "x"), "CAIRN_NOTIFY_WEBHOOK_H_ENDPOINT"),
                Arguments.of(Map.of("CAIRN_NOTIFY_WEBHOOK__ENDPOINT", "http://h/"), "target id"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusesWithTheVariableAtFault(Map<String, String> env, String mentioned) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetSettings.parse(env, Map.of()));
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }
}
