package dev.cairn.kafka;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientListenerTest {

    private static final SaslUsers ALICE = new SaslUsers(Map.of("alice", "secret"), Map.of());
    private static final BrokerTls TLS = new BrokerTls(Path.of("/var/kafka/tls"));

    @Test
    void theProtocolFollowsWhatIsOn() {
        assertEquals("PLAINTEXT", ClientListener.PLAINTEXT.protocol());
        assertTrue(ClientListener.PLAINTEXT.isPlaintext());
        assertEquals("SASL_PLAINTEXT", new ClientListener(ALICE, null).protocol());
        assertEquals("SSL", new ClientListener(null, TLS).protocol());
        assertEquals("SASL_SSL", new ClientListener(ALICE, TLS).protocol());
        assertFalse(new ClientListener(null, TLS).isPlaintext());
    }

    @Test
    void tlsPutsTheKeystoreOnTheClientListenerOnly() {
        Map<String, String> p = ServerProperties.build(Path.of("/tmp/k"), 19092, 19093,
                new ClientListener(ALICE, TLS), 19094, Map.of());
        assertEquals("INTERNAL:PLAINTEXT,CLIENT:SASL_SSL,CONTROLLER:PLAINTEXT", p.get("listener.security.protocol.map"));
        assertEquals("/var/kafka/tls/broker.p12", p.get("listener.name.client.ssl.keystore.location"));
        assertEquals("PKCS12", p.get("listener.name.client.ssl.keystore.type"));
        assertEquals(BrokerTls.STORE_PASSWORD, p.get("listener.name.client.ssl.keystore.password"));
        assertEquals("none", p.get("listener.name.client.ssl.client.auth"));
        assertEquals("PLAIN", p.get("listener.name.client.sasl.enabled.mechanisms"));
        assertFalse(p.keySet().stream().anyMatch(k -> k.startsWith("ssl.")), "no broker-wide TLS settings: " + p);
    }
}
