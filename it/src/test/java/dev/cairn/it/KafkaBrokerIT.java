package dev.cairn.it;

import dev.cairn.kafka.KafkaBroker;
import dev.cairn.kafka.junit.WithKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The local broker as other modules' tests and developers get it: through the JUnit extension, with the client
 * version the node uses (the Quarkus BOM's), and through {@code ./cairn kafka} as a process.
 */
@WithKafkaBroker
class KafkaBrokerIT {

    private static final String TOPIC = "it-restart";

    @Test
    void aRecordWrittenBeforeAStopIsReadAfterARestartOnTheSameDirectoryAndPort(KafkaBroker broker) throws Exception {
        assertTrue(AppInfoParser.getVersion().startsWith("4.1."), "the BOM's client: " + AppInfoParser.getVersion());
        produce(broker.bootstrapServers(), "k1", "written before the stop");
        assertEquals(List.of("written before the stop"), readAll(broker.bootstrapServers(), 1));

        String bootstrap = broker.bootstrapServers();
        Path dir = broker.dir();
        assertTrue(broker.stop(), "a controlled shutdown");
        assertFalse(broker.isRunning());
        broker.start();
        assertEquals(bootstrap, broker.bootstrapServers());
        assertEquals(dir, broker.dir());

        produce(broker.bootstrapServers(), "k2", "written after the restart");
        assertEquals(List.of("written before the stop", "written after the restart"),
                readAll(broker.bootstrapServers(), 2));
    }

    @Test
    void cairnKafkaServesUntilSigtermAndThenStopsTheBroker(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        Path root = Path.of(System.getProperty("cairn.root", "..")).toAbsolutePath().normalize();
        Path javaHome = Path.of(System.getProperty("cairn.java", System.getProperty("java.home") + "/bin/java"))
                .getParent().getParent();
        Path out = tmp.resolve("cairn-kafka.out");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("cairn").toString(), "kafka",
                "--dir", tmp.resolve("kafka").toString(), "--port", Integer.toString(port))
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("JAVA_HOME", javaHome.toString());
        Process cairn = pb.start();
        try {
            String ready = awaitOutput(cairn, out, "cluster id:", Duration.ofSeconds(180));
            assertTrue(ready.contains("Kafka broker ready on 127.0.0.1:" + port), ready);
            Matcher id = Pattern.compile("cluster id: +(\\S+)").matcher(ready);
            assertTrue(id.find(), ready);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port))) {
                assertEquals(id.group(1), admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
            }
            List<ProcessHandle> tree = cairn.descendants().toList();
            assertFalse(tree.isEmpty(), "the broker runs in a child JVM");

            cairn.destroy(); // SIGTERM, as a service manager or `kill` sends
            assertTrue(cairn.waitFor(60, TimeUnit.SECONDS), "./cairn kafka did not exit after SIGTERM");
            for (ProcessHandle p : tree) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
            String all = Files.readString(out);
            assertTrue(all.contains("cairn kafka: broker stopped"), all);
            assertTrue(Files.readString(tmp.resolve("kafka/broker.log")).contains("shut down completed"));
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertEquals(port, again.getLocalPort(), "the port is released");
            }
        } finally {
            cairn.descendants().forEach(ProcessHandle::destroyForcibly);
            cairn.destroyForcibly();
        }
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** The values in the topic's only partition from its start, once there are {@code expected} (or after 30 s). */
    private static List<String> readAll(String bootstrap, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private static String awaitOutput(Process p, Path out, String text, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String s = Files.exists(out) ? Files.readString(out) : "";
            if (s.contains(text)) {
                return s;
            }
            if (!p.isAlive()) {
                fail("./cairn kafka exited with " + p.exitValue() + " before saying '" + text + "':\n" + s);
            }
            Thread.sleep(200);
        }
        return fail("no '" + text + "' from ./cairn kafka within " + timeout + ":\n" + Files.readString(out));
    }
}
