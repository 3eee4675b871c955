package dev.cairn.kafka;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) run as a child JVM on 127.0.0.1.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.builder().dir(Path.of("data/kafka")).port(9092).build().start()) {
 *     String bootstrap = kafka.bootstrapServers(); // "127.0.0.1:9092"
 * }
 * }</pre>
 *
 * <p>The first {@link #start()} on an empty directory formats it with a new cluster id; later starts on the same
 * directory reuse storage and cluster, so records survive {@link #stop()} / {@link #kill()} and a new start, on the
 * same port (the port is fixed when the broker is built). Files in the directory are described in
 * {@link BrokerStorage}; the broker's output goes to {@link #logFile()}, never to this JVM's output.
 *
 * <p>The child stops with this JVM: a shutdown hook stops it on a normal exit or SIGTERM, and the child exits by
 * itself when this JVM disappears without running hooks (see {@link ParentWatch}).
 *
 * <p>Lifecycle methods are synchronized and meant for one controlling thread; the shutdown hook does not take the
 * lock, so Ctrl-C during a slow start is not held up by it.
 */
public final class KafkaBroker implements AutoCloseable {

    /**
     * The child JVM's options unless {@link Builder#jvmOptions} replaces them. A development and test broker on a
     * small shared machine: a small initial heap (the default is 1/64 of the machine's memory, committed and touched
     * at once) and the serial collector keep its footprint small; C1 only halves the CPU of a start (measured 2-3 s
     * against 5 s), at the cost of peak throughput no test here needs.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            // zstd-jni and snappy load native code; Kafka's buffer unmapper uses sun.misc.Unsafe: allowed, not warned
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");

    /**
     * {@link #DEFAULT_JVM_OPTIONS} for a broker that runs for hours ({@code ./cairn kafka}): with the full JIT (C2).
     * C1 alone starts faster, which short test brokers want; a broker under a steady load of events wants the
     * faster code, more so on a small machine where it shares the cores with the node it serves.
     */
    public static final List<String> LONG_RUNNING_JVM_OPTIONS = DEFAULT_JVM_OPTIONS.stream()
            .filter(o -> !o.startsWith("-XX:TieredStopAtLevel")).toList();

    /** The password of the stores {@link Builder#selfSignedTls} makes; it protects nothing (see {@link BrokerTls}). */
    public static final String TLS_STORE_PASSWORD = BrokerTls.STORE_PASSWORD;

    static final String KAFKA_MAIN = "kafka.Kafka";
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final int LOG_TAIL_LINES = 40;

    /** How the broker process ended: its exit code, and whether this launcher asked for it (stop, kill, JVM exit). */
    public record Exit(int code, boolean requested) {
    }

    private final BrokerStorage storage;
    private final int port;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final Path java;
    private final List<Path> classpath; // null: BrokerClasspath.resolve() at start
    private final String storageToolMain;
    private final String brokerMain;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final ClientListener client;

    private volatile Process process;
    private volatile boolean stopRequested;
    private Thread shutdownHook;
    private String clusterId;
    private Duration lastStartDuration;
    private volatile int probePort; // where awaitReady speaks its unauthenticated Metadata request

    private KafkaBroker(Builder b, int port) {
        this.storage = new BrokerStorage(b.dir);
        this.port = port;
        this.properties = Map.copyOf(b.properties);
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.java = b.java;
        this.classpath = b.classpath == null ? null : List.copyOf(b.classpath);
        this.storageToolMain = b.storageToolMain;
        this.brokerMain = b.brokerMain;
        this.startTimeout = b.startTimeout;
        this.stopTimeout = b.stopTimeout;
        this.client = new ClientListener(
                b.plainUsers.isEmpty() && b.scramUsers.isEmpty() ? null : new SaslUsers(b.plainUsers, b.scramUsers),
                b.selfSignedTls ? new BrokerTls(storage.dir().resolve("tls")) : null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The broker's jars (Kafka 4.3.1 and what it needs), as written by the kafka module's build; run
     * {@code kafka.Kafka} or {@code kafka.tools.*} with them. {@code -Dcairn.kafka.classpath} replaces the list.
     *
     * @throws IllegalStateException when the list is missing or names a jar that is not there
     */
    public static List<Path> brokerClasspath() {
        return BrokerClasspath.resolve();
    }

    /**
     * Formats the directory if it has never been formatted, starts the broker and waits until it serves clients.
     *
     * @return this broker, running
     * @throws IllegalStateException when it is already running
     * @throws KafkaBrokerException  when the port is taken, formatting fails, or the broker exits or is not ready
     *                               within the start timeout (the message ends with the broker's last log lines)
     */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            throw new IllegalStateException("the broker is already running on " + bootstrapServers());
        }
        if (process != null) {
            forget(); // it exited by itself since the last start: drop it and its shutdown hook
        }
        long began = System.nanoTime();
        List<Path> brokerJars = classpath != null ? classpath : BrokerClasspath.resolve();
        try {
            Files.createDirectories(storage.dir());
            if (!LoopbackPorts.isFree(port)) {
                throw new KafkaBrokerException("port " + port + " on " + ServerProperties.HOST
                        + " is in use by another process; choose another port");
            }
            int controllerPort = LoopbackPorts.freeExcept(port);
            int internalPort = client.isPlaintext() ? 0 : LoopbackPorts.freeExcept(port, controllerPort);
            probePort = client.isPlaintext() ? port : internalPort;
            if (client.tls() != null) {
                client.tls().ensureCreated(java.resolveSibling("keytool"), storage.logFile());
            }
            Files.writeString(storage.serverProperties(), ServerProperties.render(ServerProperties.build(
                    storage.logDir(), port, controllerPort, client, internalPort, properties)));
            if (!storage.isFormatted()) {
                format(brokerJars);
            }
            clusterId = storage.clusterId();
            note("starting the broker on " + bootstrapServers() + " (" + securityProtocol()
                    + (client.sasl() == null ? "" : " " + client.saslMechanisms())
                    + (client.isPlaintext() ? "" : ", internal PLAINTEXT port " + internalPort)
                    + ", controller on port " + controllerPort + ", cluster " + clusterId + ")");
            launch(brokerJars);
        } catch (IOException e) {
            throw new KafkaBrokerException("cannot start the broker in " + storage.dir() + ": " + e, e);
        }
        awaitReady(began + startTimeout.toNanos());
        lastStartDuration = Duration.ofNanos(System.nanoTime() - began);
        return this;
    }

    /**
     * Stops the broker: SIGTERM, which runs Kafka's controlled shutdown, then SIGKILL if it has not exited within
     * the stop timeout. Data written before is kept. Does nothing when it is not running.
     *
     * @return true when it exited by itself within the timeout (or was not running), false when it had to be killed
     */
    public synchronized boolean stop() {
        Process p = process;
        if (p == null) {
            return true;
        }
        stopRequested = true;
        try {
            return terminate(p, stopTimeout);
        } finally {
            forget();
        }
    }

    /**
     * Kills the broker at once (SIGKILL), as a crash would: no controlled shutdown, no flush beyond what the
     * operating system already has. A later {@link #start()} recovers the logs.
     */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        stopRequested = true;
        p.destroyForcibly();
        awaitUninterruptibly(p, null);
        forget();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Blocks until the broker process ends, however that happens. */
    public Exit awaitExit() throws InterruptedException {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException("the broker is not running");
        }
        int code = p.waitFor();
        return new Exit(code, stopRequested);
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return ServerProperties.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /**
     * What clients set as {@code security.protocol} for {@link #bootstrapServers()}: {@code PLAINTEXT}, or
     * {@code SASL_PLAINTEXT}, {@code SSL}, {@code SASL_SSL} as built with {@link Builder#saslPlain},
     * {@link Builder#scram} and {@link Builder#selfSignedTls}.
     */
    public String securityProtocol() {
        return client.protocol();
    }

    /** The SASL mechanisms {@link #bootstrapServers()} offers; empty without SASL. */
    public List<String> saslMechanisms() {
        return client.saslMechanisms();
    }

    /**
     * The broker's self-signed certificate in PEM ({@code DIR/tls/ca.pem}), what a client trusts to reach it
     * (e.g. {@code ssl.truststore.type=PEM}, {@code ssl.truststore.location}); empty without TLS. It exists once the
     * broker has been started.
     */
    public Optional<Path> tlsCertificate() {
        return Optional.ofNullable(client.tls()).map(BrokerTls::certificatePem);
    }

    /** The same certificate as a PKCS12 truststore, password {@link #TLS_STORE_PASSWORD}; empty without TLS. */
    public Optional<Path> tlsTruststore() {
        return Optional.ofNullable(client.tls()).map(BrokerTls::truststore);
    }

    public Path dir() {
        return storage.dir();
    }

    /** Where the broker's output (and the format step's) is appended. */
    public Path logFile() {
        return storage.logFile();
    }

    /** The cluster id of the storage, known once the broker has been started. */
    public Optional<String> clusterId() {
        return Optional.ofNullable(clusterId);
    }

    /** How long the last successful {@link #start()} took, formatting included. */
    public Optional<Duration> lastStartDuration() {
        return Optional.ofNullable(lastStartDuration);
    }

    /** The broker JVM while it runs, e.g. to measure it or to watch it exit. */
    public Optional<ProcessHandle> processHandle() {
        Process p = process;
        return p == null ? Optional.empty() : Optional.of(p.toHandle());
    }

    /** The last {@code lines} lines of {@link #logFile()}. */
    public String logTail(int lines) {
        return LogTail.lastLines(storage.logFile(), lines);
    }

    private void format(List<Path> brokerJars) throws IOException {
        String newId = BrokerStorage.newClusterId(new SecureRandom());
        note("formatting " + storage.logDir() + " for new cluster " + newId);
        List<String> args = new ArrayList<>(List.of("format", "-t", newId, "-c", storage.serverProperties().toString()));
        if (client.sasl() != null) {
            args.addAll(client.sasl().formatArguments()); // SCRAM credentials live in the metadata log, written here
        }
        List<String> cmd = javaCommand(brokerJars, storageToolMain, args.toArray(String[]::new));
        Process p = new ProcessBuilder(cmd).directory(storage.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(storage.logFile().toFile())).start();
        if (!awaitUninterruptibly(p, startTimeout)) {
            p.destroyForcibly();
            awaitUninterruptibly(p, null);
            throw withLog("formatting " + storage.logDir() + " did not finish within " + startTimeout);
        }
        if (p.exitValue() != 0 || !storage.isFormatted()) {
            throw withLog("formatting " + storage.logDir() + " failed (exit code " + p.exitValue() + ")");
        }
    }

    private void launch(List<Path> brokerJars) throws IOException {
        List<Path> jars = new ArrayList<>(brokerJars);
        jars.add(BrokerClasspath.launcherLocation()); // for ParentWatch
        List<String> cmd = javaCommand(jars, ParentWatch.class.getName(),
                Long.toString(ProcessHandle.current().pid()), brokerMain, storage.serverProperties().toString());
        stopRequested = false;
        Process p = new ProcessBuilder(cmd).directory(storage.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(storage.logFile().toFile())).start();
        process = p;
        Duration timeout = stopTimeout;
        shutdownHook = Thread.ofPlatform().name("cairn-kafka-stop-" + port).unstarted(() -> {
            stopRequested = true;
            terminate(p, timeout);
        });
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private List<String> javaCommand(List<Path> jars, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(BrokerClasspath.join(jars));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Polls with a Metadata request until the broker lists itself under our cluster id; see {@link MetadataProbe}. */
    private void awaitReady(long deadlineNanos) {
        Process p = process;
        int port = probePort;
        String lastProblem = "no answer yet";
        for (int attempt = 1; ; attempt++) {
            if (!p.isAlive()) {
                throw failed("the broker exited with code " + p.exitValue() + " while starting");
            }
            try {
                MetadataProbe.Answer answer = MetadataProbe.ask(ServerProperties.HOST, port, attempt, PROBE_TIMEOUT);
                if (!clusterId.equals(answer.clusterId())) {
                    throw failed("port " + port + " answers for cluster " + answer.clusterId() + ", not for "
                            + clusterId + ": another broker holds it");
                }
                if (answer.lists(ServerProperties.HOST, port)) {
                    return;
                }
                lastProblem = "the broker does not list itself yet: " + answer.brokers();
            } catch (IOException e) {
                lastProblem = e.toString();
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw failed("the broker was not ready within " + startTimeout.toSeconds() + " s (last probe: "
                        + lastProblem + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed("interrupted while waiting for the broker to start");
            }
        }
    }

    /** Kills a broker that failed to start and describes the failure with its log. */
    private KafkaBrokerException failed(String why) {
        Process p = process;
        if (p != null) {
            stopRequested = true;
            p.destroyForcibly();
            awaitUninterruptibly(p, null);
            forget();
        }
        return withLog(why);
    }

    private KafkaBrokerException withLog(String why) {
        return new KafkaBrokerException(why + "\n--- last lines of " + storage.logFile() + " ---\n"
                + LogTail.lastLines(storage.logFile(), LOG_TAIL_LINES));
    }

    /** Drops the process and its shutdown hook once it has exited. */
    private void forget() {
        process = null;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs or has run, and finds the process gone
            }
            shutdownHook = null;
        }
    }

    /** A line in the broker's log, so the log tells starts and formats apart. */
    private void note(String text) throws IOException {
        Files.writeString(storage.logFile(), "=== cairn " + Instant.now() + ": " + text + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** SIGTERM, wait, then SIGKILL; true when it exited within the timeout. Takes no lock (used by the hook). */
    private static boolean terminate(Process p, Duration timeout) {
        if (!p.isAlive()) {
            return true;
        }
        p.destroy();
        if (awaitUninterruptibly(p, timeout)) {
            return true;
        }
        p.destroyForcibly();
        awaitUninterruptibly(p, null);
        return false;
    }

    /**
     * Waits for {@code p} to exit (forever when {@code timeout} is null), finishing the wait even when interrupted
     * so no broker is left behind, and restoring the interrupt afterwards.
     */
    private static boolean awaitUninterruptibly(Process p, Duration timeout) {
        boolean interrupted = false;
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                try {
                    if (timeout == null) {
                        p.waitFor();
                        return true;
                    }
                    return p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Settings for a broker; {@link #dir} is required, everything else has a default. */
    public static final class Builder {
        private Path dir;
        private int port;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        private List<Path> classpath;
        private Duration startTimeout = Duration.ofSeconds(120);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private String storageToolMain = STORAGE_TOOL;
        private String brokerMain = KAFKA_MAIN;
        private final Map<String, String> plainUsers = new LinkedHashMap<>();
        private final Map<String, String> scramUsers = new LinkedHashMap<>();
        private boolean selfSignedTls;

        private Builder() {
        }

        /** The broker's directory: configuration, log and storage; created if missing. */
        public Builder dir(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** The client port on 127.0.0.1; 0 (the default) picks a free one when the broker is built. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * A broker setting added to, or replacing, the launcher's defaults, e.g. {@code log.retention.ms}.
         *
         * @throws IllegalArgumentException for settings the launcher owns (roles, ids, listeners, quorum, log dirs)
         */
        public Builder property(String key, String value) {
            Objects.requireNonNull(value, "value");
            ServerProperties.checkNotOwned(key);
            properties.put(key, value);
            return this;
        }

        public Builder properties(Map<String, String> settings) {
            settings.forEach(this::property);
            return this;
        }

        /**
         * Makes the client listener ({@link KafkaBroker#bootstrapServers()}) SASL_PLAINTEXT with mechanism PLAIN
         * for these users (name to password); may be combined with {@link #scram}. The broker then also listens on
         * an internal PLAINTEXT port of its own, for inter-broker traffic and the launcher's readiness probe; it is
         * not advertised to clients that connect to the client port. See {@link SaslUsers} for allowed characters.
         */
        public Builder saslPlain(Map<String, String> users) {
            plainUsers.putAll(users);
            return this;
        }

        /**
         * Like {@link #saslPlain}, with credentials for SCRAM-SHA-256 and SCRAM-SHA-512. They are written into the
         * cluster metadata when the directory is formatted (its first start), so users added on a later start of
         * the same directory are not known to the broker.
         */
        public Builder scram(Map<String, String> users) {
            scramUsers.putAll(users);
            return this;
        }

        /**
         * Makes the client listener TLS (SSL, or SASL_SSL with {@link #saslPlain} / {@link #scram}) with a
         * self-signed certificate for 127.0.0.1 and localhost, made with the JDK's {@code keytool} in
         * {@code DIR/tls/} on the first start and kept for later ones; clients trust
         * {@link KafkaBroker#tlsCertificate()} or {@link KafkaBroker#tlsTruststore()}. As with SASL, an internal
         * PLAINTEXT port serves inter-broker traffic and the launcher's readiness probe.
         */
        public Builder selfSignedTls() {
            this.selfSignedTls = true;
            return this;
        }

        /** Replaces {@link #DEFAULT_JVM_OPTIONS} for the broker JVM. */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /**
         * The {@code java} binary for the broker; by default this JVM's. Kafka 4.3 needs Java 17 or later, and
         * {@link #DEFAULT_JVM_OPTIONS} need 23 or later ({@code --sun-misc-unsafe-memory-access}).
         */
        public Builder java(Path javaBinary) {
            this.java = Objects.requireNonNull(javaBinary, "javaBinary");
            return this;
        }

        /** The broker's jars instead of {@link KafkaBroker#brokerClasspath()}. */
        public Builder classpath(List<Path> jars) {
            this.classpath = List.copyOf(jars);
            return this;
        }

        /** How long {@link KafkaBroker#start()} waits for formatting and for the broker to serve; default 120 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = positive(timeout);
            return this;
        }

        /** How long {@link KafkaBroker#stop()} waits for a controlled shutdown before killing; default 30 s. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = positive(timeout);
            return this;
        }

        /**
         * Other entry points than Kafka's, with the same command lines ({@code format -t ID -c FILE} and
         * {@code FILE}): for tests of the launcher against stand-in brokers that misbehave on purpose.
         */
        Builder mainClasses(String storageTool, String broker) {
            this.storageToolMain = Objects.requireNonNull(storageTool);
            this.brokerMain = Objects.requireNonNull(broker);
            return this;
        }

        public KafkaBroker build() {
            if (dir == null) {
                throw new IllegalStateException("dir is required");
            }
            return new KafkaBroker(this, port == 0 ? LoopbackPorts.free() : port);
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("must be positive: " + d);
            }
            return d;
        }
    }
}
