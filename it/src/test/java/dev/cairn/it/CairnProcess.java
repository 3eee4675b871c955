package dev.cairn.it;

import java.io.BufferedReader;
import java.io.IOException;
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

    private CairnProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        // The output goes to a file that is tailed: reading the process pipe directly loses the last lines
        // (the JDK closes the pipe under a blocked reader when the process exits).
        Thread.ofVirtual().start(() -> tail(log));
    }

    private void tail(Path log) {
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            StringBuilder partial = new StringBuilder();
            while (true) {
                boolean exited = !process.isAlive();
                int c;
                while ((c = r.read()) >= 0) {
                    if (c == '\n') {
                        String line = partial.toString();
                        partial.setLength(0);
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        lines.add(line);
                    } else {
                        partial.append((char) c);
                    }
                }
                if (exited) {
                    return; // everything written before the exit has been read
                }
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // a tail: wait for more output
            }
        } catch (IOException ignored) {
            // the log vanished with the test's temp directory
        } finally {
            ended = true;
        }
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
        Path log = Files.createTempFile("cairn-node", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("CAIRN_ROOT_USER");
        pb.environment().remove("CAIRN_ROOT_PASSWORD");
        pb.environment().putAll(env);
        return new CairnProcess(pb.start(), port, log);
    }

    /**
     * A ready node on four drives under {@code dir} with the given root credentials and extra environment: the
     * fixture every S3 client test starts from.
     */
    static CairnProcess startReady(Path dir, String rootUser, String rootSecret, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("CAIRN_ROOT_USER", rootUser);
        env.put("CAIRN_ROOT_PASSWORD", rootSecret);
        CairnProcess node = start(env, "server", dir.resolve("d{1...4}").toString());
        node.awaitLine("Cairn node ready", 60);
        return node;
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
