package dev.cairn.storage.server;

import dev.cairn.notifications.NotificationService;
import dev.cairn.notifications.queue.EventJournal;
import dev.cairn.notifications.targets.Arn;
import dev.cairn.notifications.targets.TargetSettings;
import dev.cairn.storage.drive.Drive;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

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
    static final String EVENTS_DIR = "events";
    /** The S3 region the node reports (GetBucketLocation answers the same). */
    static final String REGION = "us-east-1";

    private NotificationSetup() {
    }

    /** The running targets, or null when none is configured. */
    static NotificationService start(List<String> drivePaths, Map<String, String> environment, Config config) {
        List<TargetSettings> targets = TargetSettings.parse(environment, notifyKeys(config));
        if (targets.isEmpty()) {
            return null;
        }
        List<Path> roots = drivePaths.stream().map(Path::of).toList();
        return NotificationService.start(targets, arn -> queueDirs(roots, arn), EventJournal.Options.DEFAULTS,
                REGION, InstantSource.system());
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
