package dev.cairn.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.random.RandomGenerator;

/**
 * What the launcher keeps in the broker's directory:
 * <pre>
 * DIR/server.properties   written on every start (ports may change between starts)
 * DIR/broker.log          the broker's output, appended, one header line per start
 * DIR/storage/            Kafka's log directory; storage/meta.properties exists once formatted
 * </pre>
 * The cluster id lives in {@code storage/meta.properties}, where the format step puts it and the broker checks it,
 * so a restart on the same directory is the same cluster without a second copy of the id that could disagree.
 */
record BrokerStorage(Path dir) {

    BrokerStorage {
        dir = dir.toAbsolutePath().normalize();
    }

    Path logDir() {
        return dir.resolve("storage");
    }

    Path serverProperties() {
        return dir.resolve("server.properties");
    }

    Path logFile() {
        return dir.resolve("broker.log");
    }

    private Path metaProperties() {
        return logDir().resolve("meta.properties");
    }

    boolean isFormatted() {
        return Files.isRegularFile(metaProperties());
    }

    /** The cluster id the storage was formatted with. */
    String clusterId() throws IOException {
        Properties meta = new Properties();
        try (Reader in = Files.newBufferedReader(metaProperties(), StandardCharsets.UTF_8)) {
            meta.load(in);
        }
        String id = meta.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new IOException(metaProperties() + " has no cluster.id");
        }
        return id;
    }

    /**
     * A new cluster id in Kafka's form: 16 random bytes, URL-safe base64 without padding (22 characters). Like
     * Kafka's own generator it avoids ids starting with '-' (command-line tools would read them as options) and the
     * two ids Kafka reserves (all zero, and 1 for the metadata topic).
     */
    static String newClusterId(RandomGenerator random) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            if (isReserved(bytes)) {
                continue;
            }
            String id = base64.encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static boolean isReserved(byte[] bytes) {
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 0 || bytes[15] == 1;
    }
}
