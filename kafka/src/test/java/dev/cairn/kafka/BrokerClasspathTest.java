package dev.cairn.kafka;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classpath the build wrote must be the one Kafka 4.3.1 was released with, not what the Quarkus BOM would make
 * of it (see the dependencyManagement in kafka/pom.xml).
 */
class BrokerClasspathTest {

    /** artifactId -> version, read from the local-repository layout .../artifactId/version/artifactId-version.jar */
    private static Map<String, String> versions(List<Path> jars) {
        Pattern layout = Pattern.compile(".*/([^/]+)/([^/]+)/\\1-\\2\\.jar$");
        Map<String, String> out = new HashMap<>();
        for (Path jar : jars) {
            Matcher m = layout.matcher(jar.toString().replace('\\', '/'));
            assertTrue(m.matches(), "not a local-repository jar: " + jar);
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void theBuildWroteAClasspathOfExistingJars() {
        List<Path> jars = KafkaBroker.brokerClasspath();
        assertTrue(jars.size() > 20, jars.toString());
        jars.forEach(j -> assertTrue(Files.isRegularFile(j), j + " is missing"));
    }

    @Test
    void itIsKafka431WithTheDependenciesKafkaDeclares() {
        Map<String, String> v = versions(KafkaBroker.brokerClasspath());
        for (String kafka : List.of("kafka_2.13", "kafka-clients", "kafka-server", "kafka-server-common",
                "kafka-metadata", "kafka-raft", "kafka-storage", "kafka-group-coordinator")) {
            assertEquals("4.3.1", v.get(kafka), kafka);
        }
        // the ones the Quarkus BOM would move: a Scala older than the one Kafka was compiled with, split log4j
        assertEquals("2.13.18", v.get("scala-library"));
        assertEquals("2.13.18", v.get("scala-reflect"));
        assertEquals(v.get("log4j-core"), v.get("log4j-api"));
        assertEquals("1.10.2", v.get("lz4-java"));
        // an slf4j 2 API, or slf4j-simple is not found and the broker logs nothing
        assertEquals("2.0.17", v.get("slf4j-api"));
        assertEquals(v.get("slf4j-api"), v.get("slf4j-simple"));
    }

    @Test
    void noTestOrProvidedJarsLeakIn() {
        Map<String, String> v = versions(KafkaBroker.brokerClasspath());
        assertTrue(v.keySet().stream().noneMatch(a -> a.startsWith("junit")), v.keySet().toString());
    }

    @Test
    void aSystemPropertyReplacesTheListAndEveryEntryMustExist() {
        String before = System.getProperty(BrokerClasspath.OVERRIDE_PROPERTY);
        try {
            System.setProperty(BrokerClasspath.OVERRIDE_PROPERTY, "/nonexistent/kafka.jar");
            IllegalStateException e = assertThrows(IllegalStateException.class, BrokerClasspath::resolve);
            assertTrue(e.getMessage().contains("/nonexistent/kafka.jar"), e.getMessage());
            System.setProperty(BrokerClasspath.OVERRIDE_PROPERTY, " ");
            assertThrows(IllegalStateException.class, BrokerClasspath::resolve);
        } finally {
            if (before == null) {
                System.clearProperty(BrokerClasspath.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(BrokerClasspath.OVERRIDE_PROPERTY, before);
            }
        }
    }

    @Test
    void parseSkipsBlanksAndTheTrailingNewline() {
        assertEquals(List.of(Path.of("/a.jar"), Path.of("/b.jar")), BrokerClasspath.parse("/a.jar::/b.jar\n"));
    }

    @Test
    void theLauncherClassesAreFoundForTheChildJvm() {
        Path here = BrokerClasspath.launcherLocation();
        assertTrue(Files.exists(here.resolve("dev/cairn/kafka/ParentWatch.class")) || here.toString().endsWith(".jar"),
                here.toString());
    }
}
