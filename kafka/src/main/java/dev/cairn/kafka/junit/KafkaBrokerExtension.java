package dev.cairn.kafka.junit;

import dev.cairn.kafka.KafkaBroker;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real broker for a test class: see {@link WithKafkaBroker}, or register it plainly with
 * {@code @ExtendWith(KafkaBrokerExtension.class)} for the defaults (one broker for the class).
 *
 * <p>The broker lives in the JUnit store of the class (or of the whole run, when shared), which stops it and deletes
 * its directory when that scope ends; nested classes see their outer class's broker. A test may stop, kill and
 * start it again: directory and port stay the same. When the start fails, the directory is kept for its log.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    private static final String CLASS_BROKER = "class-broker";
    private static final String SHARED_BROKER = "shared-broker";

    /** Starts the broker before the first test, so its start-up does not count against a test's own timeout. */
    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    /** The broker of the test class running in {@code context}, started on first use. */
    public static KafkaBroker broker(ExtensionContext context) {
        Optional<WithKafkaBroker> config = findConfig(context);
        boolean shared = config.map(WithKafkaBroker::shared).orElse(false);
        Settings settings = config.map(Settings::of).orElse(Settings.DEFAULT);
        if (shared && !settings.equals(Settings.DEFAULT)) {
            throw new ExtensionConfigurationException("@WithKafkaBroker(shared = true) takes no properties, users or "
                    + "TLS: a shared broker has the configuration of whichever class starts it");
        }
        ExtensionContext owner = shared ? context.getRoot() : classContext(context);
        return owner.getStore(NAMESPACE).computeIfAbsent(shared ? SHARED_BROKER : CLASS_BROKER,
                key -> RunningBroker.start(settings), RunningBroker.class).broker();
    }

    /** The innermost class-level context: a broker created from a test method's context must outlive the method. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** The annotation on the test class or, for nested classes, the nearest enclosing class that has it. */
    private static Optional<WithKafkaBroker> findConfig(ExtensionContext context) {
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            Optional<WithKafkaBroker> found = AnnotationSupport.findAnnotation(c, WithKafkaBroker.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static Map<String, String> properties(String[] entries) {
        return pairs("property", entries);
    }

    /** {@code key=value} entries of the annotation attribute {@code what}, in order. */
    static Map<String, String> pairs(String what, String[] entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                // a user entry may hold a password: it is not repeated in the message
                throw new ExtensionConfigurationException(what.equals("property")
                        ? "@WithKafkaBroker property '" + entry + "' is not key=value"
                        : "a @WithKafkaBroker " + what + " is not name=password");
            }
            out.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return out;
    }

    /** What the annotation asks of the broker, comparable so a shared broker can refuse any of it. */
    record Settings(Map<String, String> properties, Map<String, String> plainUsers, Map<String, String> scramUsers,
                    boolean tls) {
        static final Settings DEFAULT = new Settings(Map.of(), Map.of(), Map.of(), false);

        static Settings of(WithKafkaBroker a) {
            return new Settings(Map.copyOf(KafkaBrokerExtension.properties(a.properties())),
                    Map.copyOf(pairs("saslPlain user", a.saslPlain())), Map.copyOf(pairs("scram user", a.scram())),
                    a.selfSignedTls());
        }

        KafkaBroker.Builder apply(KafkaBroker.Builder b) {
            b.properties(properties).saslPlain(plainUsers).scram(scramUsers);
            return tls ? b.selfSignedTls() : b;
        }
    }

    /** A started broker and its temporary directory; JUnit closes it when its store's scope ends. */
    private record RunningBroker(KafkaBroker broker, Path dir) implements AutoCloseable {

        static RunningBroker start(Settings settings) {
            Path dir;
            try {
                dir = Files.createTempDirectory("cairn-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KafkaBroker broker = settings.apply(KafkaBroker.builder().dir(dir)).build();
            broker.start(); // on failure the directory stays, with the log the exception quotes
            return new RunningBroker(broker, dir);
        }

        @Override
        public void close() throws IOException {
            broker.stop();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
