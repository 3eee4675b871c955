package dev.cairn.storage.node;

import dev.cairn.storage.codec.Codecs;
import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.LocalDrive;
import dev.cairn.storage.erasure.ErasureConfig;
import dev.cairn.storage.erasure.ErasureSet;
import dev.cairn.storage.erasure.ErasureSets;
import dev.cairn.storage.erasure.HealProgress;
import dev.cairn.storage.erasure.NamespaceLocks;
import dev.cairn.storage.format.DriveState;
import dev.cairn.storage.format.FormatFile;
import dev.cairn.storage.format.FormatResolver;
import dev.cairn.storage.format.Resolution;
import dev.cairn.storage.format.SetLayout;
import dev.cairn.storage.format.StorageClassParity;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One running node: its drives probed and formatted, its erasure sets, the heal queue, and the drive monitor
 * that notices drives going away, coming back or being replaced (a replaced drive is formatted and its set
 * healed in the background).
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Node.class);

    private final Resolution resolution;
    private final StorageClassParity parity;
    private final List<List<MonitoredDrive>> drives;
    private final ErasureSets layer;
    private final HealQueue healQueue;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("drive-monitor").daemon().factory());
    private final ExecutorService healer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("set-healer").daemon().factory());
    private final Map<Integer, HealProgress> heals = new ConcurrentHashMap<>();
    private final InstantSource clock;

    private Node(NodeSettings settings, InstantSource clock) {
        this.clock = clock;
        Codecs.selfTest();
        List<DriveState> states = probeAll(settings.drives());
        SetLayout wanted = SetLayout.forDriveCount(settings.drives().size());
        this.resolution = FormatResolver.resolve(states, wanted, UUID::randomUUID);
        int setSize = resolution.layout().setSize();
        this.parity = settings.standardParity()
                .map(p -> settings.reducedParity().map(r -> StorageClassParity.of(setSize, p, r))
                        .orElseGet(() -> StorageClassParity.of(setSize, p)))
                .orElseGet(() -> StorageClassParity.defaults(setSize));
        this.drives = openDrives();
        this.healQueue = new HealQueue(10_000);
        ErasureConfig config = ErasureConfig.defaults(parity.standard(), parity.reducedRedundancy());
        NamespaceLocks locks = new NamespaceLocks(config.lockTimeoutMillis());
        List<ErasureSet> sets = new ArrayList<>();
        for (int s = 0; s < drives.size(); s++) {
            Drive[] ds = drives.get(s).toArray(new Drive[0]);
            sets.add(new ErasureSet(s, ds, config, Codecs::create, io, locks, healQueue, clock));
        }
        this.layer = new ErasureSets(sets, resolution.deploymentId(), io);
        healQueue.start(layer);
        layer.cleanStaging();
        for (int s : resolution.setsToHeal()) {
            scheduleSetHeal(s, "drives were formatted at start");
        }
        long every = settings.monitorInterval().toMillis();
        monitor.scheduleWithFixedDelay(this::checkDrives, every, every, TimeUnit.MILLISECONDS);
        Duration expiry = settings.staleUploadExpiry();
        monitor.scheduleWithFixedDelay(() -> sweepStaleUploads(expiry), 1, 60, TimeUnit.MINUTES);
    }

    public static Node start(NodeSettings settings, InstantSource clock) {
        return new Node(settings, clock);
    }

    private static List<DriveState> probeAll(List<String> paths) {
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<DriveState>> fs = new ArrayList<>();
            for (String p : paths) {
                fs.add(ex.submit(() -> DriveProbe.probe(p)));
            }
            List<DriveState> out = new ArrayList<>();
            for (var f : fs) {
                out.add(f.get());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("probing drives failed: " + e, e);
        }
    }

    private List<List<MonitoredDrive>> openDrives() {
        List<List<MonitoredDrive>> out = new ArrayList<>();
        for (List<Resolution.Slot> set : resolution.slots()) {
            List<MonitoredDrive> row = new ArrayList<>();
            for (Resolution.Slot slot : set) {
                FormatFile expected = FormatFile.of(resolution.deploymentId(), slot.driveId(), resolution.sets());
                LocalDrive local = LocalDrive.at(slot.path());
                MonitoredDrive.State st = switch (slot.state()) {
                    case ONLINE -> MonitoredDrive.State.ONLINE;
                    case TO_FORMAT -> MonitoredDrive.State.BLANK;
                    case OFFLINE -> MonitoredDrive.State.OFFLINE;
                };
                MonitoredDrive d = new MonitoredDrive(slot.path(), local, expected, st);
                if (st == MonitoredDrive.State.ONLINE) {
                    d.recover(false); // before staging is cleaned: a journaled commit may still need its data
                }
                if (st == MonitoredDrive.State.BLANK) {
                    d.format();
                    d.setState(MonitoredDrive.State.ONLINE);
                } else if (st == MonitoredDrive.State.OFFLINE) {
                    LOG.warnf("drive %s is offline: %s", slot.path(), describe(slot.drive()));
                }
                row.add(d);
            }
            out.add(row);
        }
        return out;
    }

    private static String describe(DriveState s) {
        return switch (s) {
            case DriveState.Unreachable u -> u.reason();
            case DriveState.Corrupt c -> c.reason();
            default -> s.toString();
        };
    }

    /** Runs on the monitor thread: acts on every drive whose state changed. */
    void checkDrives() {
        for (int s = 0; s < drives.size(); s++) {
            for (MonitoredDrive d : drives.get(s)) {
                try {
                    checkDrive(s, d);
                } catch (RuntimeException e) {
                    LOG.warnf("checking drive %s failed: %s", d.path(), e.getMessage());
                }
            }
        }
    }

    private void checkDrive(int set, MonitoredDrive d) {
        MonitoredDrive.State before = d.state();
        MonitoredDrive.State now = d.probe();
        if (now == before) {
            return;
        }
        switch (now) {
            case ONLINE -> {
                d.recover(true);
                d.setState(MonitoredDrive.State.ONLINE);
                LOG.infof("drive %s is back online", d.path());
                scheduleSetHeal(set, "drive " + d.path() + " came back");
            }
            case BLANK -> {
                d.setState(MonitoredDrive.State.BLANK);
                LOG.warnf("drive %s is blank (wiped or replaced): formatting it and healing set %d", d.path(), set);
                d.format();
                d.recover(true); // drops the journal segment that went with the old contents
                d.setState(MonitoredDrive.State.ONLINE);
                scheduleSetHeal(set, "drive " + d.path() + " was replaced");
            }
            case OFFLINE, FOREIGN -> {
                d.setState(now);
                LOG.warnf("drive %s is %s: %s", d.path(), now.name().toLowerCase(), d.reason());
            }
        }
    }

    /** Aborts multipart uploads nobody finished within {@code expiry}. */
    void sweepStaleUploads(Duration expiry) {
        try {
            int n = layer.abortUploadsOlderThan(clock.instant().minus(expiry));
            if (n > 0) {
                LOG.infof("aborted %d multipart upload(s) older than %s", n, expiry);
            }
        } catch (RuntimeException e) {
            LOG.warnf("sweeping stale multipart uploads failed: %s", e.getMessage());
        }
    }

    private void scheduleSetHeal(int set, String why) {
        healer.execute(() -> {
            HealProgress progress = new HealProgress(set, clock.instant());
            heals.put(set, progress);
            LOG.infof("healing set %d: %s", set, why);
            try {
                layer.healSet(set, progress);
                LOG.infof("healed %s", progress);
            } catch (RuntimeException e) {
                LOG.errorf("healing set %d failed: %s (%s)", set, e.getMessage(), progress);
            }
        });
    }

    public ErasureSets objectLayer() {
        return layer;
    }

    public Resolution resolution() {
        return resolution;
    }

    public StorageClassParity parity() {
        return parity;
    }

    /** Whether every set has at least its write quorum of drives online. */
    public boolean writable() {
        for (ErasureSet set : layer.sets()) {
            int online = 0;
            for (MonitoredDrive d : drives.get(set.index())) {
                online += d.isOnline() ? 1 : 0;
            }
            if (online < set.defaultWriteQuorum()) {
                return false;
            }
        }
        return true;
    }

    /** Every drive's path, set by set: where node-wide files such as the event queues live. */
    public List<String> drivePaths() {
        return drives.stream().flatMap(List::stream).map(MonitoredDrive::path).toList();
    }

    public NodeStatus status() {
        List<List<NodeStatus.DriveStatus>> sets = new ArrayList<>();
        for (List<MonitoredDrive> row : drives) {
            List<NodeStatus.DriveStatus> ds = new ArrayList<>();
            for (MonitoredDrive d : row) {
                ds.add(new NodeStatus.DriveStatus(d.path(), d.expectedFormat().thisDrive().toString(),
                        d.state().name().toLowerCase(), d.reason()));
            }
            sets.add(ds);
        }
        List<String> healing = heals.values().stream().map(HealProgress::toString).sorted().toList();
        return new NodeStatus(resolution.deploymentId().toString(), resolution.layout().setCount(),
                resolution.layout().setSize(), resolution.layout().setSize() - parity.standard(), parity.standard(),
                writable(), sets, healing, healQueue.size(), healQueue.healed(), healQueue.dropped());
    }

    /** Blocks until every set heal scheduled so far has finished (heals run one at a time, in order). */
    public void awaitSetHeals(java.time.Duration timeout) throws Exception {
        healer.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The heal of {@code set} most recently started, or null. */
    public HealProgress healProgress(int set) {
        return heals.get(set);
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        healer.shutdownNow();
        healQueue.close();
        io.shutdownNow();
    }
}
