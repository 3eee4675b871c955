package dev.cairn.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerPropertiesTest {

    private static final Path LOGS = Path.of("/var/tmp/kafka dir/storage");

    @Test
    void aSingleNodeThatIsItsOwnControllerOnLoopback() {
        Map<String, String> p = ServerProperties.build(LOGS, 19092, 19093, Map.of());
        assertEquals("broker,controller", p.get("process.roles"));
        assertEquals("1", p.get("node.id"));
        assertEquals("1@127.0.0.1:19093", p.get("controller.quorum.voters"));
        assertEquals("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093", p.get("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:19092", p.get("advertised.listeners"));
        assertEquals("CONTROLLER", p.get("controller.listener.names"));
        assertEquals(LOGS.toString(), p.get("log.dirs"));
        assertFalse(p.containsKey("controller.quorum.bootstrap.servers"), "static voters, so the port may change");
        assertEquals("16777216", p.get("log.cleaner.dedupe.buffer.size"), "not 128 MiB of heap for a dev broker");
    }

    @ParameterizedTest(name = "{0} = 1")
    @ValueSource(strings = {"offsets.topic.replication.factor", "transaction.state.log.replication.factor",
            "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
            "share.coordinator.state.topic.min.isr", "min.insync.replicas", "default.replication.factor"})
    void everyReplicationSettingFitsOneNode(String key) {
        assertEquals("1", ServerProperties.build(LOGS, 19092, 19093, Map.of()).get(key));
    }

    @Test
    void extraSettingsAreAddedAndReplaceDefaults() {
        Map<String, String> p = ServerProperties.build(LOGS, 19092, 19093,
                Map.of("log.retention.ms", "60000", "offsets.topic.num.partitions", "3"));
        assertEquals("60000", p.get("log.retention.ms"));
        assertEquals("3", p.get("offsets.topic.num.partitions"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"listeners", "node.id", "process.roles", "log.dirs", "log.dir",
            "controller.quorum.voters", "advertised.listeners"})
    void settingsTheLauncherOwnsCannotBeOverridden(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerProperties.build(LOGS, 19092, 19093, Map.of(key, "x")));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KafkaBroker.builder().property(key, "x"));
    }

    @Test
    void portsMustDifferAndBeInRange() {
        assertThrows(IllegalArgumentException.class, () -> ServerProperties.build(LOGS, 19092, 19092, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ServerProperties.build(LOGS, 0, 19093, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ServerProperties.build(LOGS, 19092, 70000, Map.of()));
    }

    @Test
    void theRenderedFileReadsBackAsTheSameSettingsEvenWithAwkwardCharacters() throws IOException {
        Map<String, String> settings = new HashMap<>(ServerProperties.build(
                Path.of("/tmp/a b:c=d\\e/storage"), 19092, 19093, Map.of("ssl.key.password", "p#!=:x ")));
        String text = ServerProperties.render(settings);
        Properties back = new Properties();
        back.load(new StringReader(text)); // what Kafka does with the file
        assertEquals(settings, new HashMap<>(Map.copyOf(toMap(back))));
        assertFalse(text.startsWith("#"), "no date comment: the same settings give the same bytes");
        assertEquals(text, ServerProperties.render(settings));
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    @Test
    void withSaslOrTlsAPlaintextListenerStaysForTheLauncherAndTheController() {
        ClientListener users = new ClientListener(new SaslUsers(Map.of("alice", "secret"), Map.of()), null);
        Map<String, String> p = ServerProperties.build(Path.of("/tmp/k"), 19092, 19093, users, 19094, Map.of());
        assertEquals("INTERNAL://127.0.0.1:19094,CLIENT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                p.get("listeners"));
        assertEquals("INTERNAL://127.0.0.1:19094,CLIENT://127.0.0.1:19092", p.get("advertised.listeners"));
        assertEquals("INTERNAL:PLAINTEXT,CLIENT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                p.get("listener.security.protocol.map"));
        assertEquals("INTERNAL", p.get("inter.broker.listener.name"));
        assertEquals("CONTROLLER", p.get("controller.listener.names"));
        assertEquals("PLAIN", p.get("listener.name.client.sasl.enabled.mechanisms"));
    }

    @Test
    void theInternalPortMustBeItsOwn() {
        ClientListener users = new ClientListener(new SaslUsers(Map.of("alice", "secret"), Map.of()), null);
        assertThrows(IllegalArgumentException.class,
                () -> ServerProperties.build(Path.of("/tmp/k"), 19092, 19093, users, 19092, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ServerProperties.build(Path.of("/tmp/k"), 19092, 19093, users, 19093, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ServerProperties.build(Path.of("/tmp/k"), 19092, 19093, users, 0, Map.of()));
    }

    @Test
    void callersCannotChangeHowAListenerAuthenticates() {
        assertThrows(IllegalArgumentException.class, () -> KafkaBroker.builder()
                .property("listener.name.client.plain.sasl.jaas.config", "x"));
        assertThrows(IllegalArgumentException.class, () -> ServerProperties.build(Path.of("/tmp/k"), 19092, 19093,
                Map.of("listener.name.client.sasl.enabled.mechanisms", "GSSAPI")));
    }
}
