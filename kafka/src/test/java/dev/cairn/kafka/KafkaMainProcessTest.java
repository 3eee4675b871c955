package dev.cairn.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link KafkaMain} as its own JVM with a real broker under it: what happens to the broker when the launcher is
 * killed outright, which no shutdown hook sees. (The ./cairn script and SIGTERM are tested in it/KafkaBrokerIT.)
 */
class KafkaMainProcessTest {

    @TempDir
    Path dir;

    @Test
    void theBrokerStopsByItselfWhenItsLauncherIsKilled() throws Exception {
        int port = LoopbackPorts.free();
        Path out = dir.resolve("launcher.out");
        Path brokerDir = dir.resolve("kafka");
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", BrokerClasspath.launcherLocation().toString(), KafkaMain.class.getName(),
                "--dir", brokerDir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            awaitOutput(launcher, out, "Kafka broker ready on 127.0.0.1:" + port, Duration.ofSeconds(180));
            List<ProcessHandle> children = launcher.children().toList();
            assertEquals(1, children.size(), children.toString());
            ProcessHandle broker = children.getFirst();
            assertTrue(broker.info().arguments().map(a -> List.of(a).contains(ParentWatch.class.getName()))
                    .orElse(true), "the child is the broker JVM");

            launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs in the launcher
            launcher.waitFor(30, TimeUnit.SECONDS);
            broker.onExit().get(60, TimeUnit.SECONDS);

            String log = Files.readString(brokerDir.resolve("broker.log"));
            assertTrue(log.contains("cairn: parent process " + launcher.pid() + " exited; stopping"), log);
            assertTrue(log.contains("BrokerServer id=1] shut down completed"), "Kafka's controlled shutdown ran");
            assertTrue(LoopbackPorts.isFree(port));
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static void awaitOutput(Process p, Path out, String text, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String s = Files.exists(out) ? Files.readString(out) : "";
            if (s.contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                fail("the launcher exited with " + p.exitValue() + " before saying '" + text + "':\n" + s);
            }
            Thread.sleep(200);
        }
        fail("no '" + text + "' within " + timeout + ":\n" + Files.readString(out));
    }
}
