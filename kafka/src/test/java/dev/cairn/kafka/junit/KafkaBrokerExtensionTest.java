package dev.cairn.kafka.junit;

import dev.cairn.kafka.KafkaBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs small test classes that use the extension through the JUnit engine, then checks what they saw and what the
 * extension left behind once their scope ended. (The sample classes are nested and not annotated @Nested, so the
 * build does not run them by themselves.)
 */
class KafkaBrokerExtensionTest {

    @WithKafkaBroker(properties = "log.retention.ms=123456")
    static class PerClass {
        static volatile KafkaBroker fromBeforeAll;
        static volatile KafkaBroker fromTest;
        static volatile KafkaBroker fromNested;

        @BeforeAll
        static void before(KafkaBroker broker) {
            fromBeforeAll = broker;
        }

        @Test
        void getsARunningBrokerWithItsProperties(KafkaBroker broker) throws Exception {
            fromTest = broker;
            assertTrue(broker.isRunning());
            assertTrue(Files.readString(broker.dir().resolve("server.properties")).contains("log.retention.ms=123456"));
        }

        @Nested
        class Inner {
            @Test
            void seesTheOuterClassBroker(KafkaBroker broker) {
                fromNested = broker;
            }
        }
    }

    @WithKafkaBroker(shared = true)
    static class SharedOne {
        static volatile KafkaBroker seen;

        @Test
        void test(KafkaBroker broker) {
            seen = broker;
        }
    }

    @WithKafkaBroker(shared = true)
    static class SharedTwo {
        static volatile KafkaBroker seen;

        @Test
        void test(KafkaBroker broker) {
            seen = broker;
        }
    }

    @WithKafkaBroker(shared = true, properties = "a=b")
    static class SharedWithProperties {
        @Test
        void neverRuns() {
        }
    }

    @WithKafkaBroker(saslPlain = "alice=alice-secret", scram = "carol=carol-secret", selfSignedTls = true)
    static class WithUsersAndTls {
        static volatile KafkaBroker seen;

        @Test
        void test(KafkaBroker broker) {
            seen = broker;
            assertEquals("SASL_SSL", broker.securityProtocol());
            assertEquals(java.util.List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"), broker.saslMechanisms());
            assertTrue(Files.isRegularFile(broker.tlsCertificate().orElseThrow()));
        }
    }

    @WithKafkaBroker(shared = true, saslPlain = "alice=alice-secret")
    static class SharedWithUsers {
        @Test
        void neverRuns() {
        }
    }

    private static Events run(Class<?>... classes) {
        var request = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            request.selectors(selectClass(c));
        }
        return request.execute().testEvents();
    }

    @Test
    void oneBrokerPerClassInjectedEverywhereThenStoppedAndDeleted() {
        Events events = run(PerClass.class);
        events.assertStatistics(s -> s.started(2).succeeded(2));
        KafkaBroker broker = PerClass.fromBeforeAll;
        assertNotNull(broker);
        assertSame(broker, PerClass.fromTest);
        assertSame(broker, PerClass.fromNested);
        assertFalse(broker.isRunning(), "stopped after the class");
        assertFalse(Files.exists(broker.dir()), "its temporary directory deleted: " + broker.dir());
    }

    @Test
    void sharedClassesGetTheSameBrokerForTheRun() {
        Events events = run(SharedOne.class, SharedTwo.class);
        events.assertStatistics(s -> s.succeeded(2));
        assertSame(SharedOne.seen, SharedTwo.seen);
        Path dir = SharedOne.seen.dir();
        assertFalse(SharedOne.seen.isRunning(), "stopped when the run ended");
        assertFalse(Files.exists(dir));
    }

    @Test
    void aSharedBrokerTakesNoProperties() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SharedWithProperties.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(0));
        Throwable cause = results.containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .findFirst().orElseThrow();
        assertInstanceOf(ExtensionConfigurationException.class, cause);
        assertTrue(cause.getMessage().contains("takes no properties"), cause.getMessage());
    }

    @Test
    void usersAndTlsFromTheAnnotation() {
        run(WithUsersAndTls.class).assertStatistics(s -> s.started(1).succeeded(1));
        assertNotNull(WithUsersAndTls.seen);
        assertFalse(WithUsersAndTls.seen.isRunning());
    }

    @Test
    void aSharedBrokerTakesNoUsers() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SharedWithUsers.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(0));
        Throwable cause = results.containerEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .findFirst().orElseThrow();
        assertTrue(cause.getMessage().contains("takes no properties, users or TLS"), cause.getMessage());
    }

    @Test
    void aUserEntryWithoutPasswordIsRefusedWithoutEchoingIt() {
        ExtensionConfigurationException e = assertThrows(ExtensionConfigurationException.class,
                () -> KafkaBrokerExtension.pairs("saslPlain user", new String[]{"alice:secret"}));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void propertiesAreKeyEqualsValue() {
        assertEquals(java.util.Map.of("a", "b=c", "d", ""), KafkaBrokerExtension.properties(new String[]{"a=b=c", " d ="}));
        assertThrows(ExtensionConfigurationException.class,
                () -> KafkaBrokerExtension.properties(new String[]{"novalue"}));
        assertThrows(ExtensionConfigurationException.class, () -> KafkaBrokerExtension.properties(new String[]{"=x"}));
    }
}
