package dev.cairn.storage.server;

import dev.cairn.notifications.NotificationService;
import dev.cairn.notifications.queue.EventJournal;
import dev.cairn.notifications.targets.Arn;
import dev.cairn.notifications.targets.TargetSettings;
import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.JournalRider;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.config.ConfigValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts the node's notification targets from {@code CAIRN_NOTIFY_*} (and {@code cairn.notify.*} configuration
 * keys), with each target's queue mirrored in {@code <drive>/.cairn.sys/events/<kind>-<id>/} on the node's
 * drives. The ids are part of the variable names, which a fixed configuration mapping cannot hold: the
 * environment and the configuration's names are read as they are.
 */
final class NotificationSetup {
    private static final Logger LOG = Logger.getLogger(NotificationSetup.class);
    static final String EVENTS_DIR = "events";
    /** The S3 region the node reports (GetBucketLocation answers the same). */
    static final String REGION = "us-east-1";

    private NotificationSetup() {
    }

    /** The running targets, or null when none is configured. */
    static NotificationService start(List<String> drivePaths, Map<String, String> environment, Config config) {
        List<TargetSettings> targets = TargetSettings.parse(environment, notifyKeys(config));
        List<Path> roots = drivePaths.stream().map(Path::of).toList();
        if (targets.isEmpty()) {
            discardRiders(roots);
            return null;
        }
        NotificationService ns = NotificationService.start(targets, arn -> queueDirs(roots, arn),
                EventJournal.Options.DEFAULTS, REGION, InstantSource.system());
        restoreRiders(ns, roots);
        ns.onClose(JournalRider.registerBarrier(ns::awaitStored));
        return ns;
    }

    /**
     * Puts back the events a crash left only in the meta journals' riders (saved by the drives' replay), then
     * deletes the saved riders: the queues hold them now. A failure leaves them for the next start.
     */
    private static void restoreRiders(NotificationService ns, List<Path> roots) {
        try {
            List<Path> files = roots.stream().flatMap(r -> JournalRider.pendingFiles(r).stream()).toList();
            if (files.isEmpty()) {
                return;
            }
            // one file's riders in memory at a time (each drive holds a copy of the same riders)
            ns.restore(() -> files.stream().flatMap(NotificationSetup::riders).iterator());
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf("putting back events from the meta journals failed (tried again at the next start): %s", e);
        }
    }

    private static java.util.stream.Stream<byte[]> riders(Path file) {
        try {
            return JournalRider.read(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Riders a replay saved on a node that no longer has notification targets: nobody will want them. */
    private static void discardRiders(List<Path> roots) {
        try {
            for (Path r : roots) {
                for (Path f : JournalRider.pendingFiles(r)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("cannot delete event riders saved by a journal replay (a later start tries again): %s", e);
        }
    }

    static List<Path> queueDirs(List<Path> driveRoots, Arn arn) {
        return driveRoots.stream().map(r -> r.resolve(Drive.SYSTEM_VOLUME).resolve(EVENTS_DIR)
                .resolve(arn.directoryName())).toList();
    }

    /**
     * The {@code cairn.notify.*} keys of every source but the environment: the configuration also lists each
     * {@code CAIRN_NOTIFY_*} variable under a dotted name, which cannot tell an id's underscores from the
     * separators; the variables themselves are read as they are.
     */
    private static Map<String, String> notifyKeys(Config config) {
        Map<String, String> keys = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith("cairn.notify.")) {
                continue;
            }
            ConfigValue v = config.getConfigValue(name);
            if (v.getValue() != null && (v.getSourceName() == null || !v.getSourceName().startsWith("EnvConfigSource"))) {
                keys.put(name, v.getValue());
            }
        }
        return keys;
    }
}
