package dev.cairn.kafka;

import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real brokers with {@code selfSignedTls()}, spoken to by the 4.3.1 client over TLS. */
class KafkaBrokerTlsTest {

    @TempDir
    Path dir;

    private static Map<String, Object> trustingPem(KafkaBroker broker, Map<String, Object> client) {
        Map<String, Object> p = new HashMap<>(client);
        p.put("security.protocol", broker.securityProtocol());
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", broker.tlsCertificate().orElseThrow().toString());
        return p;
    }

    @Test
    void saslOverTlsWithTheCertificateTrustedAsPemAndKeptAcrossARestart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().dir(dir).saslPlain(Map.of("alice", "alice-secret"))
                .selfSignedTls().build().start()) {
            assertEquals("SASL_SSL", broker.securityProtocol());
            Map<String, Object> alice = trustingPem(broker,
                    SecureClients.sasl(broker.bootstrapServers(), "PLAIN", "alice", "alice-secret"));
            SecureClients.produce(alice, "tls", "over TLS");
            String certificate = Files.readString(broker.tlsCertificate().orElseThrow());

            assertTrue(broker.stop());
            broker.start();
            assertEquals(certificate, Files.readString(broker.tlsCertificate().orElseThrow()),
                    "the same certificate after a restart, so clients keep trusting it");
            SecureClients.produce(alice, "tls", "after the restart");
            assertEquals(List.of("over TLS", "after the restart"), SecureClients.readAll(alice, "tls", 2));
        }
    }

    @Test
    void tlsWithoutSaslTrustedByTheTruststoreAndRefusedWithoutIt() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().dir(dir).selfSignedTls().build().start()) {
            assertEquals("SSL", broker.securityProtocol());
            Map<String, Object> base = Map.of("bootstrap.servers", broker.bootstrapServers());
            Map<String, Object> trusting = new HashMap<>(base);
            trusting.put("security.protocol", "SSL");
            trusting.put("ssl.truststore.type", "PKCS12");
            trusting.put("ssl.truststore.location", broker.tlsTruststore().orElseThrow().toString());
            trusting.put("ssl.truststore.password", KafkaBroker.TLS_STORE_PASSWORD);
            SecureClients.produce(trusting, "ssl", "trusted");
            assertEquals(List.of("trusted"), SecureClients.readAll(trusting, "ssl", 1));

            Map<String, Object> jdkDefaults = new HashMap<>(base); // trusts the JDK's CAs, not a self-signed broker
            jdkDefaults.put("security.protocol", "SSL");
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> SecureClients.produce(jdkDefaults, "ssl", "untrusted"));
            assertInstanceOf(SslAuthenticationException.class, e.getCause(), e.toString());
        }
    }
}
