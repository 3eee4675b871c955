package dev.cairn.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The packaged node ({@code storage/target/quarkus-app/quarkus-run.jar}) run as a process, the way
 * {@code ./cairn server} runs it. Its output is collected line by line so tests can wait for what it says.
 */
final class CairnProcess implements AutoCloseable {
    final Process process;
    final int port;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder output = new StringBuilder();
    private volatile boolean ended;

    private CairnProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                ended = true;
            }
        });
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("cairn.root", "..")).resolve("storage/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the node first: " + jar + " is missing");
        }
        return jar;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static CairnProcess start(Map<String, String> env, String... args) throws IOException {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("cairn.java", "java"),
                "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-jar", jar().toString()));
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && rest.get(0).equals("server")) {
            rest.addAll(1, List.of("--address", "127.0.0.1:" + port));
        }
        cmd.addAll(rest);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("CAIRN_ROOT_USER");
        pb.environment().remove("CAIRN_ROOT_PASSWORD");
        pb.environment().putAll(env);
        return new CairnProcess(pb.start(), port);
    }

    /** Waits for an output line containing {@code text}; fails with the output so far after the timeout. */
    String awaitLine(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(Math.min(100_000_000L, Math.max(1, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS);
            if (line != null && line.contains(text)) {
                return line;
            }
            if (line == null && ended && lines.isEmpty()) {
                break; // all output read and the process is gone
            }
        }
        throw new AssertionError("no line containing '" + text + "' within " + seconds + "s; output:\n" + output());
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
