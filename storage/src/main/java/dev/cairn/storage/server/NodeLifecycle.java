package dev.cairn.storage.server;

import dev.cairn.storage.format.FormatRefusedException;
import dev.cairn.storage.node.Node;
import dev.cairn.storage.node.NodeSettings;
import dev.cairn.storage.node.NodeStatus;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.InstantSource;

/** Starts the node when Quarkus starts, prints what it is, and closes it on shutdown. */
@ApplicationScoped
public class NodeLifecycle {
    private static final Logger LOG = Logger.getLogger(NodeLifecycle.class);

    @Inject
    CairnConfig config;

    @ConfigProperty(name = "quarkus.http.host")
    String host;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    private volatile Node node;
    private volatile RootCredentials credentials;

    void onStart(@Observes StartupEvent event) {
        try {
            credentials = RootCredentials.from(config);
            NodeSettings settings = new NodeSettings(config.drives(), config.storageClass().standard(),
                    config.storageClass().rrs(), config.driveMonitorInterval());
            node = Node.start(settings, InstantSource.system());
        } catch (FormatRefusedException | IllegalArgumentException e) {
            LOG.errorf("cairn cannot start: %s", e.getMessage());
            Quarkus.asyncExit(1);
            return;
        }
        NodeStatus s = node.status();
        LOG.infof("Cairn node ready");
        LOG.infof("  endpoint:  http://%s:%d", host, port);
        LOG.infof("  root user: %s", credentials.accessKey());
        LOG.infof("  erasure:   %d set(s) x %d drive(s), EC %d+%d, deployment %s", s.sets(), s.drivesPerSet(),
                s.dataShards(), s.parityShards(), s.deploymentId());
        if (credentials.isDefault()) {
            LOG.warn("!!! running with the DEFAULT root credentials cairnadmin/cairnadmin: set CAIRN_ROOT_USER and "
                    + "CAIRN_ROOT_PASSWORD before storing anything you care about !!!");
        }
        if (!s.writable()) {
            LOG.warn("fewer drives online than write quorum needs: the node is read-only until drives return");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        Node n = node;
        if (n != null) {
            n.close();
        }
    }

    /** The running node, or null while starting (or when it could not start). */
    public Node node() {
        return node;
    }

    public RootCredentials credentials() {
        return credentials;
    }
}
