package dev.cairn.storage.server;

import dev.cairn.notifications.NotificationService;
import dev.cairn.notifications.TargetStatus;
import dev.cairn.storage.api.S3Service;
import dev.cairn.storage.api.SigV4Authenticator;
import org.eclipse.microprofile.config.ConfigProvider;
import dev.cairn.storage.format.FormatRefusedException;
import dev.cairn.storage.node.Node;
import dev.cairn.storage.node.NodeSettings;
import dev.cairn.storage.node.NodeStatus;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import io.quarkus.vertx.http.HttpServerStart;
import org.jboss.logging.Logger;

import java.time.InstantSource;

/** Starts the node when Quarkus starts, prints what it is, and closes it on shutdown. */
@ApplicationScoped
public class NodeLifecycle {
    private static final Logger LOG = Logger.getLogger(NodeLifecycle.class);

    @Inject
    CairnConfig config;

    private volatile Node node;
    private volatile S3Service s3;
    private volatile NotificationService notifications;
    private volatile RootCredentials credentials;
    private volatile HttpServerStart listening;
    private boolean reported;

    void onStart(@Observes StartupEvent event) {
        try {
            credentials = RootCredentials.from(config);
            NodeSettings settings = new NodeSettings(config.drives(), config.storageClass().standard(),
                    config.storageClass().rrs(), config.driveMonitorInterval(), config.staleUploadsExpiry());
            node = Node.start(settings, InstantSource.system());
            notifications = NotificationSetup.start(node.drivePaths(), System.getenv(), ConfigProvider.getConfig());
            var store = Authentication.credentials(config, credentials);
            s3 = new S3Service(node.objectLayer(), new SigV4Authenticator(store, InstantSource.system()), store,
                    config.domain().orElse(null), notifications);
        } catch (FormatRefusedException | IllegalArgumentException e) {
            LOG.errorf("cairn cannot start: %s", e.getMessage());
            Quarkus.asyncExit(1);
            return;
        }
        report();
    }

    void onListening(@ObservesAsync HttpServerStart start) {
        listening = start;
        report();
    }

    /**
     * Prints the start-up report once both the node is up and the port is open (Quarkus does not promise which
     * comes first), so "ready" in the log means clients can connect.
     */
    private synchronized void report() {
        Node n = node;
        HttpServerStart start = listening;
        if (n == null || start == null || reported) {
            return;
        }
        reported = true;
        NodeStatus s = n.status();
        LOG.infof("Cairn node ready%n  endpoint:  http://%s:%d%n  root user: %s%n"
                        + "  erasure:   %d set(s) x %d drive(s), EC %d+%d, deployment %s",
                start.options().getHost(), start.options().getPort(), credentials.accessKey(), s.sets(),
                s.drivesPerSet(), s.dataShards(), s.parityShards(), s.deploymentId());
        NotificationService ns = notifications;
        if (ns != null) {
            for (TargetStatus t : ns.status()) {
                LOG.infof("notification target %s %s", t.arn(), t.settings());
            }
        }
        if (credentials.isDefault()) {
            LOG.warn("!!! running with the DEFAULT root credentials cairnadmin/cairnadmin: set CAIRN_ROOT_USER and "
                    + "CAIRN_ROOT_PASSWORD before storing anything you care about !!!");
        }
        if (!s.writable()) {
            LOG.warn("fewer drives online than write quorum needs: the node is read-only until drives return");
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        NotificationService ns = notifications;
        if (ns != null) {
            ns.close(); // queued events stay on the drives for the next start
        }
        Node n = node;
        if (n != null) {
            n.close();
            LOG.info("Cairn node stopped");
        }
    }

    /** The running node, or null while starting (or when it could not start). */
    public Node node() {
        return node;
    }

    /** The S3 API, or null while starting. */
    public S3Service s3() {
        return s3;
    }

    /** The notification targets, or null when the node has none (or is starting). */
    public NotificationService notifications() {
        return notifications;
    }

    public RootCredentials credentials() {
        return credentials;
    }
}
