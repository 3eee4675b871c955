package dev.cairn.kafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the broker's jars are. The build writes their paths (jars in the local Maven repository) into the resource
 * {@code dev/cairn/kafka/broker.classpath}; the system property {@value #OVERRIDE_PROPERTY} replaces it (a
 * path-separator list, e.g. to try another Kafka release).
 */
final class BrokerClasspath {

    static final String OVERRIDE_PROPERTY = "cairn.kafka.classpath";
    static final String RESOURCE = "broker.classpath";

    private BrokerClasspath() {
    }

    /**
     * The broker's classpath, every entry checked to exist.
     *
     * @throws IllegalStateException naming the missing file and how to get it back
     */
    static List<Path> resolve() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        List<Path> entries;
        String origin;
        if (override != null) {
            entries = parse(override);
            origin = "-D" + OVERRIDE_PROPERTY;
        } else {
            entries = parse(readResource());
            origin = "the resource dev/cairn/kafka/" + RESOURCE;
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("the Kafka broker classpath from " + origin + " is empty");
        }
        for (Path p : entries) {
            if (!Files.exists(p)) {
                throw new IllegalStateException("the Kafka broker classpath from " + origin + " names " + p
                        + ", which does not exist; rebuild the kafka module (./mvnw -pl kafka package) to fetch it");
            }
        }
        return entries;
    }

    static List<Path> parse(String text) {
        List<Path> out = new ArrayList<>();
        for (String entry : text.strip().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                out.add(Path.of(entry.strip()));
            }
        }
        return out;
    }

    private static String readResource() {
        try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("dev/cairn/kafka/" + RESOURCE + " is not on the classpath: build "
                        + "the kafka module with Maven (it is written at process-resources), not only compile it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The directory or jar holding the launcher's own classes. The broker JVM needs it too, for {@link ParentWatch}.
     */
    static Path launcherLocation() {
        CodeSource source = BrokerClasspath.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where the launcher's classes are loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalStateException("the launcher's classes are not in a file or directory: "
                    + source.getLocation(), e);
        }
    }

    static String join(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }
}
