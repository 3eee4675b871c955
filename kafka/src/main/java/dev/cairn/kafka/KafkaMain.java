package dev.cairn.kafka;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./cairn kafka [--dir DIR] [--port PORT]}: runs a broker in the foreground until Ctrl-C or SIGTERM, then
 * stops it cleanly. Exits 1 when the broker cannot start or dies by itself, 2 on bad arguments.
 */
public final class KafkaMain {

    static final String USAGE = """
            usage: ./cairn kafka [--dir DIR] [--port PORT]
              Runs a single-node Kafka broker (KRaft, Kafka 4.3.1) on 127.0.0.1 in the foreground; Ctrl-C stops it.
              --dir DIR    broker directory: configuration, storage, broker.log (default ./data/kafka);
                           formatted on first start, reused after
              --port PORT  client port (default 9092)""";

    /** The parsed command line. */
    record Args(Path dir, int port) {
        static final Path DEFAULT_DIR = Path.of("data", "kafka");
        static final int DEFAULT_PORT = 9092;

        /** @throws IllegalArgumentException with a message for the user */
        static Args parse(String... args) {
            Path dir = DEFAULT_DIR;
            int port = DEFAULT_PORT;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--dir" -> dir = Path.of(value(args, ++i, a));
                    case "--port" -> port = port(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            return new Args(dir, port);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int port(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--port must be a number from 1 to 65535, not '" + text + "'");
        }
    }

    private KafkaMain() {
    }

    public static void main(String[] argv) throws InterruptedException {
        System.exit(run(System.out, System.err, argv));
    }

    static int run(PrintStream out, PrintStream err, String... argv) throws InterruptedException {
        if (argv.length == 1 && (argv[0].equals("-h") || argv[0].equals("--help"))) {
            out.println(USAGE);
            return 0;
        }
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            err.println("cairn kafka: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        KafkaBroker broker = KafkaBroker.builder().dir(args.dir()).port(args.port())
                .jvmOptions(KafkaBroker.LONG_RUNNING_JVM_OPTIONS).build();
        // Runs beside the broker's own hook (which sends the SIGTERM): this one waits and reports. Silent when there
        // is no broker (it failed to start, or the other hook already saw it exit).
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("cairn-kafka-main-stop").unstarted(() -> {
            if (broker.isRunning()) {
                out.println("cairn kafka: stopping the broker...");
                boolean clean = broker.stop(); // if a start is in progress, waits for it to give up first
                out.println(clean ? "cairn kafka: broker stopped" : "cairn kafka: broker killed after the stop timeout");
            }
        }));
        try {
            broker.start();
        } catch (KafkaBrokerException | IllegalStateException e) {
            err.println("cairn kafka: " + e.getMessage());
            return 1;
        }
        out.println("cairn kafka: Kafka broker ready on " + broker.bootstrapServers() + " in "
                + String.format(Locale.ROOT, "%.1f s", broker.lastStartDuration().orElseThrow().toMillis() / 1000.0));
        out.println("  bootstrap servers: " + broker.bootstrapServers());
        out.println("  cluster id:        " + broker.clusterId().orElseThrow());
        out.println("  directory:         " + broker.dir());
        out.println("  broker log:        " + broker.logFile());
        out.println("  Ctrl-C stops it.");
        KafkaBroker.Exit exit = broker.awaitExit();
        if (exit.requested()) {
            return 0; // a shutdown hook stopped it; the JVM is exiting anyway
        }
        err.println("cairn kafka: the broker exited by itself with code " + exit.code() + "; last lines of "
                + broker.logFile() + ":\n" + broker.logTail(30));
        return 1;
    }
}
