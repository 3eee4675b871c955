package dev.cairn.kafka;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code server.properties} of a single-node KRaft broker that is its own controller, on loopback only.
 *
 * <p>Pure: no files, no ports are opened here. The launcher owns the settings that make the node what it is (roles,
 * id, listeners, quorum, storage location); a caller may add or override anything else, e.g. retention.
 */
final class ServerProperties {

    static final String HOST = "127.0.0.1";
    /** The name of the client listener when it has SASL or TLS (a plaintext one is called PLAINTEXT). */
    static final String CLIENT_LISTENER = "CLIENT";

    /** Settings the launcher decides; a caller setting one would break the launcher's assumptions, so it is refused. */
    static final Set<String> OWNED = Set.of(
            "process.roles", "node.id", "broker.id",
            "listeners", "advertised.listeners", "listener.security.protocol.map",
            "controller.listener.names", "inter.broker.listener.name",
            "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "log.dir", "log.dirs", "metadata.log.dir");

    private ServerProperties() {
    }

    /**
     * The settings for a broker listening on {@code port} with its controller on {@code controllerPort}, keeping its
     * logs in {@code logDir}; {@code extra} is applied last.
     *
     * @throws IllegalArgumentException when {@code extra} names a setting in {@link #OWNED}, or the ports collide
     */
    static Map<String, String> build(Path logDir, int port, int controllerPort, Map<String, String> extra) {
        return build(logDir, port, controllerPort, ClientListener.PLAINTEXT, 0, extra);
    }

    /**
     * Like {@link #build(Path, int, int, Map)}, but unless {@code client} is plaintext the client listener on
     * {@code port} uses its SASL users and TLS certificate, and a PLAINTEXT listener on {@code internalPort} serves
     * inter-broker traffic and the launcher's readiness probe, which speaks an unauthenticated, unencrypted Metadata
     * request. The controller listener stays PLAINTEXT: only the broker inside the same process talks to it.
     */
    static Map<String, String> build(Path logDir, int port, int controllerPort, ClientListener client,
                                     int internalPort, Map<String, String> extra) {
        boolean internal = !client.isPlaintext();
        checkPort(port);
        checkPort(controllerPort);
        if (internal) {
            checkPort(internalPort);
        }
        if (port == controllerPort || (internal && (internalPort == port || internalPort == controllerPort))) {
            throw new IllegalArgumentException("the ports must differ: client " + port + ", controller "
                    + controllerPort + (internal ? ", internal " + internalPort : ""));
        }
        extra.keySet().forEach(ServerProperties::checkNotOwned);
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // A static voter set (kraft.version 0): the controller's address is read from here on every start, so the
        // controller port may change between restarts. A dynamic quorum would store it in the metadata log instead.
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        if (!internal) {
            p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
        } else {
            // Both broker listeners are advertised: Kafka requires it of the inter-broker one, and a Metadata request
            // answers with the addresses of the listener it arrived on, so each kind of client stays on its own.
            p.put("listeners", "INTERNAL://" + HOST + ":" + internalPort + "," + CLIENT_LISTENER + "://" + HOST + ":"
                    + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
            p.put("advertised.listeners", "INTERNAL://" + HOST + ":" + internalPort + "," + CLIENT_LISTENER + "://"
                    + HOST + ":" + port);
            p.put("listener.security.protocol.map",
                    "INTERNAL:PLAINTEXT," + CLIENT_LISTENER + ":" + client.protocol() + ",CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "INTERNAL");
            p.putAll(client.properties(CLIENT_LISTENER));
        }
        p.put("log.dirs", logDir.toAbsolutePath().toString());

        // One node: every internal topic must be satisfiable by one replica, or groups and transactions never start.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // A development and test broker: one partition per internal topic (the default 50 makes the first consumer
        // group wait for 50 partitions to be created and loaded), and no 3 s wait before a group's first rebalance.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner (compacted topics such as __consumer_offsets) allocates its whole dedupe buffer on the heap at
        // start: 128 MiB by default, 16 MiB here (about 700 k distinct keys per cleaning pass). Measured: broker RSS
        // 281 MB -> 168 MB.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 << 20));

        p.putAll(extra);
        return p;
    }

    /** The file text: properties format, sorted, without the date comment, so the same settings give the same file. */
    static String render(Map<String, String> settings) {
        Properties props = new Properties();
        props.putAll(settings);
        StringWriter out = new StringWriter();
        try {
            props.store(out, null); // escapes what Properties.load (which Kafka uses) needs escaped
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString().lines().filter(line -> !line.startsWith("#"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * Refuses a setting the launcher owns: those in {@link #OWNED}, and every per-listener setting
     * ({@code listener.name.*}), which would change how a listener authenticates behind the launcher's back.
     */
    static void checkNotOwned(String key) {
        if (OWNED.contains(key) || key.startsWith("listener.name.")) {
            throw new IllegalArgumentException("'" + key + "' is set by the launcher and cannot be overridden");
        }
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
