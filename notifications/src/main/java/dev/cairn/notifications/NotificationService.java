package dev.cairn.notifications;

import dev.cairn.notifications.config.NotificationConfiguration;
import dev.cairn.notifications.config.QueueRule;
import dev.cairn.notifications.event.EventJson;
import dev.cairn.notifications.event.HybridClock;
import dev.cairn.notifications.forward.Forwarder;
import dev.cairn.notifications.queue.EventJournal;
import dev.cairn.notifications.queue.QueuedEvent;
import dev.cairn.notifications.targets.Arn;
import dev.cairn.notifications.targets.EventTarget;
import dev.cairn.notifications.targets.KafkaSettings;
import dev.cairn.notifications.targets.KafkaTarget;
import dev.cairn.notifications.targets.TargetSettings;
import dev.cairn.notifications.targets.WebhookSettings;
import dev.cairn.notifications.targets.WebhookTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The node's notification targets, each with its durable queue and forwarder, and the {@link EventSink} that
 * puts the events bucket configurations select into those queues.
 */
public final class NotificationService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(NotificationService.class.getName());

    /** A bucket's notification configuration ({@link NotificationConfiguration#EMPTY} when it has none). */
    @FunctionalInterface
    public interface ConfigLookup {
        NotificationConfiguration of(String bucket);
    }

    private final List<TargetQueue> targets;
    private final String region;
    private final HybridClock sequencer;
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();

    private NotificationService(List<TargetQueue> targets, String region, HybridClock sequencer) {
        this.targets = List.copyOf(targets);
        this.region = region;
        this.sequencer = sequencer;
    }

    /**
     * Opens every target's queue (recovering what a previous run left in it) and starts its forwarder.
     *
     * @param queueDirs the directories that hold copies of a target's queue, one per drive
     */
    public static NotificationService start(List<TargetSettings> settings, Function<Arn, List<Path>> queueDirs,
                                            EventJournal.Options queueOptions, String region, InstantSource clock) {
        return start(settings, queueDirs, queueOptions, region, clock, NotificationService::connect);
    }

    /** With other target implementations (tests). */
    public static NotificationService start(List<TargetSettings> settings, Function<Arn, List<Path>> queueDirs,
                                            EventJournal.Options queueOptions, String region, InstantSource clock,
                                            Function<TargetSettings, EventTarget> targetFactory) {
        List<TargetQueue> queues = new ArrayList<>();
        for (TargetSettings s : settings) {
            EventJournal journal = EventJournal.open(s.arn().directoryName(), queueDirs.apply(s.arn()),
                    queueOptions.withLimit(s.queueLimit()));
            EventTarget target = targetFactory.apply(s);
            queues.add(new TargetQueue(s, target, journal, Forwarder.start(journal, target)));
        }
        return new NotificationService(queues, region, new HybridClock(clock));
    }

    private static EventTarget connect(TargetSettings s) {
        return switch (s) {
            case KafkaSettings k -> new KafkaTarget(k);
            case WebhookSettings w -> new WebhookTarget(w);
        };
    }

    /** Whether {@code arn} names one of this node's targets (what PutBucketNotificationConfiguration checks). */
    public boolean knows(String arn) {
        return find(arn) != null;
    }

    private TargetQueue find(String arn) {
        for (TargetQueue t : targets) {
            if (t.settings.arn().matches(arn)) {
                return t;
            }
        }
        return null;
    }

    public List<TargetStatus> status() {
        return targets.stream().map(TargetQueue::status).toList();
    }

    /** The sink the S3 handlers record events in, with the buckets' configurations from {@code configs}. */
    public EventSink sink(ConfigLookup configs) {
        if (targets.isEmpty()) {
            return EventSink.NONE;
        }
        return new EventSink() {
            @Override
            public Queued submit(ObjectEvent event) {
                List<Queued> queued = new ArrayList<>(1);
                forEachSelected(configs, event, (t, rule, seq) ->
                        queued.add(t.submit(event.partitionKey(), EventJson.toJson(event, region, rule, seq))));
                return queued.stream().reduce(Queued.DONE, Queued::and);
            }

            @Override
            public Reserved prepare(ObjectEvent event) {
                List<TargetQueue.Place> places = new ArrayList<>(1);
                List<EventRider.Place> carried = new ArrayList<>(1);
                String seq = forEachSelected(configs, event, (t, rule, sequencer) -> {
                    TargetQueue.Place p = t.reserve(event.partitionKey(),
                            EventJson.toJson(event, region, rule, sequencer));
                    if (p != null) {
                        places.add(p);
                        carried.add(new EventRider.Place(t.journal.name(), p.reservation.index(), rule));
                    }
                });
                return places.isEmpty() ? Reserved.NONE : reserved(places, EventRider.encode(event, seq, carried));
            }

            @Override
            public boolean wants(String bucket) {
                return !configs.of(bucket).isEmpty();
            }
        };
    }

    /** What {@link #forEachSelected} hands on: a target, the id of the rule that selected it, the sequencer. */
    @FunctionalInterface
    private interface Selected {
        void accept(TargetQueue target, String ruleId, String sequencer);
    }

    /**
     * Hands on each target a rule of the bucket selects the event for; the sequencer is taken once per event, and
     * only when some rule selects it. Returns it (null when no rule did).
     */
    private String forEachSelected(ConfigLookup configs, ObjectEvent event, Selected each) {
        List<QueueRule> rules = configs.of(event.bucket().name()).matching(event.name(), event.object().key());
        if (rules.isEmpty()) {
            return null;
        }
        String seq = sequencer.nextSequencer();
        for (QueueRule r : rules) {
            TargetQueue t = find(r.queueArn());
            if (t != null) { // a target since removed from the environment: nothing to send to
                each.accept(t, r.id(), seq);
            }
        }
        return seq;
    }

    private static EventSink.Reserved reserved(List<TargetQueue.Place> places, byte[] rider) {
        return new EventSink.Reserved() {
            @Override
            public byte[] rider() {
                return rider;
            }

            @Override
            public EventSink.Queued committed(int riderCopies) {
                EventSink.Queued all = EventSink.Queued.DONE;
                for (TargetQueue.Place p : places) {
                    all = all.and(p.fill(riderCopies));
                }
                return all;
            }

            @Override
            public void abandoned() {
                places.forEach(TargetQueue.Place::cancel);
            }
        };
    }

    /**
     * At start, before any request: puts back into each queue the events that riders of meta-journal records
     * carried (a replay after a crash collected them) and that the queue had not stored. Riders of queues this
     * node no longer has, or that cannot be read, are skipped and said so. Returns how many events came back.
     */
    public int restore(Iterable<byte[]> riders) throws IOException {
        Map<String, SortedMap<Long, byte[]>> byQueue = new TreeMap<>();
        int unreadable = 0;
        for (byte[] r : riders) {
            try {
                EventRider.Carried c = EventRider.decode(r);
                for (EventRider.Place p : c.places()) {
                    byte[] payload = QueuedEvent.encode(c.event().partitionKey(),
                            EventJson.toJson(c.event(), region, p.ruleId(), c.sequencer()));
                    byQueue.computeIfAbsent(p.queue(), q -> new TreeMap<>()).put(p.index(), payload);
                }
            } catch (IOException e) {
                unreadable++;
            }
        }
        if (unreadable > 0) {
            LOG.log(Level.WARNING, "{0} event riders from the meta journals could not be read", unreadable);
        }
        int restored = 0;
        for (Map.Entry<String, SortedMap<Long, byte[]>> q : byQueue.entrySet()) {
            TargetQueue t = targets.stream().filter(x -> x.journal.name().equals(q.getKey())).findFirst().orElse(null);
            if (t == null) {
                LOG.log(Level.WARNING, "{0} events for event queue {1}, which this node no longer has, are dropped",
                        q.getValue().size(), q.getKey());
                continue;
            }
            int n = t.journal.restore(q.getValue());
            if (n > 0) {
                LOG.log(Level.INFO, "event queue {0}: {1} events the crash left only in the meta journals are queued"
                        + " again", q.getKey(), n);
            }
            restored += n;
        }
        return restored;
    }

    /**
     * Returns once every event placed in a queue so far is on stable storage: what runs before a meta-journal
     * segment that may carry their riders is deleted.
     *
     * @throws UncheckedIOException a queue closed first (the segment must stay)
     */
    public void awaitStored() {
        for (TargetQueue t : targets) {
            try {
                t.journal.awaitStored();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Runs {@code action} when the service closes, before its queues close. */
    public void onClose(Runnable action) {
        closeActions.add(action);
    }

    @Override
    public void close() throws InterruptedException {
        closeActions.forEach(Runnable::run);
        for (TargetQueue t : targets) {
            t.close();
        }
    }
}
