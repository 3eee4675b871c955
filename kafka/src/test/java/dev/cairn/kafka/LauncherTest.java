package dev.cairn.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's lifecycle against stand-ins ({@link StandInBroker}, {@link StandInStorageTool}) that misbehave on
 * purpose, each a small JVM that starts in a fraction of a second. The real broker is KafkaBrokerTest's.
 */
class LauncherTest {

    @TempDir
    Path dir;

    private final List<KafkaBroker> started = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void stopAll() {
        started.forEach(KafkaBroker::kill);
    }

    private KafkaBroker standIn(String mode, String... moreJvmOptions) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1",
                "-Dstandin.mode=" + mode));
        jvm.addAll(List.of(moreJvmOptions));
        KafkaBroker b = KafkaBroker.builder().dir(dir).classpath(List.of(testClasses())).jvmOptions(jvm)
                .mainClasses(StandInStorageTool.class.getName(), StandInBroker.class.getName())
                .startTimeout(Duration.ofSeconds(30)).stopTimeout(Duration.ofSeconds(10)).build();
        started.add(b);
        return b;
    }

    private static Path testClasses() {
        try {
            return Path.of(StandInBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    @Test
    void formatsOnceThenRestartsOnTheSameDirectoryPortAndCluster() throws IOException {
        KafkaBroker b = standIn("serve").start();
        assertTrue(b.isRunning());
        String cluster = b.clusterId().orElseThrow();
        assertTrue(Files.isRegularFile(dir.resolve("storage/meta.properties")));
        assertTrue(Files.readString(dir.resolve("server.properties")).contains("127.0.0.1\\:" + b.port()));
        assertTrue(b.stop());
        assertFalse(b.isRunning());
        assertTrue(b.processHandle().isEmpty());

        b.start();
        assertEquals(cluster, b.clusterId().orElseThrow());
        String log = Files.readString(b.logFile());
        assertEquals(1, count(log, "formatting"), log);
        assertEquals(2, count(log, "starting the broker on " + b.bootstrapServers()), log);
        assertEquals(2, count(log, "stand-in: listening on " + b.port()), "the broker's output goes to the log");
        assertTrue(b.lastStartDuration().orElseThrow().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void startingARunningBrokerIsRefused() {
        KafkaBroker b = standIn("serve").start();
        assertThrows(IllegalStateException.class, b::start);
        assertTrue(b.isRunning());
    }

    @Test
    void aBrokerThatExitsWhileStartingFailsWithItsExitCodeAndLog() {
        KafkaBroker b = standIn("exit");
        KafkaBrokerException e = assertThrows(KafkaBrokerException.class, b::start);
        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("refusing to start (as asked)"), e.getMessage());
        assertFalse(b.isRunning());
    }

    @Test
    void aBrokerThatNeverAnswersTimesOutAndIsKilled() {
        KafkaBroker b = KafkaBroker.builder().dir(dir).classpath(List.of(testClasses()))
                .jvmOptions(List.of("-Xmx32m", "-Dstandin.mode=silent"))
                .mainClasses(StandInStorageTool.class.getName(), StandInBroker.class.getName())
                .startTimeout(Duration.ofSeconds(3)).build();
        started.add(b);
        long began = System.nanoTime();
        KafkaBrokerException e = assertThrows(KafkaBrokerException.class, b::start);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
        assertTrue(e.getMessage().contains("not ready within 3 s"), e.getMessage());
        assertTrue(e.getMessage().contains("SocketTimeoutException"), "the last probe's problem: " + e.getMessage());
        assertTrue(seconds < 15, seconds + " s");
        assertFalse(b.isRunning());
        assertTrue(LoopbackPorts.isFree(b.port()), "the stand-in was killed and its port released");
    }

    @Test
    void anotherClusterOnThePortIsNotMistakenForOurs() {
        KafkaBrokerException e = assertThrows(KafkaBrokerException.class, standIn("other-cluster")::start);
        assertTrue(e.getMessage().contains("another broker holds it"), e.getMessage());
    }

    @Test
    void aTakenPortFailsBeforeAnythingIsWrittenOrStarted() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            KafkaBroker b = KafkaBroker.builder().dir(dir).port(taken.getLocalPort())
                    .classpath(List.of(testClasses())).build();
            KafkaBrokerException e = assertThrows(KafkaBrokerException.class, b::start);
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use"),
                    e.getMessage());
            assertFalse(Files.exists(dir.resolve("storage")));
            assertFalse(Files.exists(dir.resolve("server.properties")));
        }
    }

    @Test
    void aFailedFormatIsReportedWithItsOutput() {
        KafkaBrokerException e = assertThrows(KafkaBrokerException.class,
                standIn("serve", "-Dstandin.format=fail")::start);
        assertTrue(e.getMessage().contains("failed (exit code 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot format (as asked)"), e.getMessage());
    }

    @Test
    void aBrokerIgnoringSigtermIsKilledAfterTheStopTimeout() {
        KafkaBroker b = KafkaBroker.builder().dir(dir).classpath(List.of(testClasses()))
                .jvmOptions(List.of("-Xmx32m", "-Dstandin.mode=stubborn"))
                .mainClasses(StandInStorageTool.class.getName(), StandInBroker.class.getName())
                .stopTimeout(Duration.ofSeconds(1)).build();
        started.add(b);
        b.start();
        ProcessHandle child = b.processHandle().orElseThrow();
        assertFalse(b.stop(), "stop() says it had to kill");
        assertFalse(child.isAlive());
    }

    @Test
    void killEndsItAtOnceAndAStartAfterwardsWorks() throws Exception {
        KafkaBroker b = standIn("serve").start();
        ProcessHandle child = b.processHandle().orElseThrow();
        b.kill();
        assertFalse(child.isAlive());
        assertFalse(b.isRunning());
        b.start();
        assertTrue(b.isRunning());
    }

    @Test
    void awaitExitTellsARequestedStopFromADeathOnItsOwn() throws Exception {
        KafkaBroker b = standIn("serve").start();
        b.processHandle().orElseThrow().destroyForcibly(); // not through the launcher: as if it crashed
        KafkaBroker.Exit crash = b.awaitExit();
        assertFalse(crash.requested());
        assertEquals(137, crash.code(), "SIGKILL");
        b.stop();

        b.start();
        Thread stopper = Thread.ofVirtual().start(b::stop);
        KafkaBroker.Exit requested = b.awaitExit();
        stopper.join();
        assertTrue(requested.requested());
    }
}
