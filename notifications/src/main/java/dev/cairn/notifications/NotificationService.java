package dev.cairn.notifications;

import dev.cairn.notifications.config.NotificationConfiguration;
import dev.cairn.notifications.config.QueueRule;
import dev.cairn.notifications.event.EventJson;
import dev.cairn.notifications.event.HybridClock;
import dev.cairn.notifications.forward.Forwarder;
import dev.cairn.notifications.queue.EventJournal;
import dev.cairn.notifications.targets.Arn;
import dev.cairn.notifications.targets.EventTarget;
import dev.cairn.notifications.targets.KafkaSettings;
import dev.cairn.notifications.targets.KafkaTarget;
import dev.cairn.notifications.targets.TargetSettings;
import dev.cairn.notifications.targets.WebhookSettings;
import dev.cairn.notifications.targets.WebhookTarget;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The node's notification targets, each with its durable queue and forwarder, and the {@link EventSink} that
 * puts the events bucket configurations select into those queues.
 */
public final class NotificationService implements AutoCloseable {

    /** A bucket's notification configuration ({@link NotificationConfiguration#EMPTY} when it has none). */
    @FunctionalInterface
    public interface ConfigLookup {
        NotificationConfiguration of(String bucket);
    }

    private final List<TargetQueue> targets;
    private final String region;
    private final HybridClock sequencer;

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
                List<QueueRule> rules = configs.of(event.bucket().name()).matching(event.name(), event.object().key());
                if (rules.isEmpty()) {
                    return Queued.DONE;
                }
                String seq = sequencer.nextSequencer();
                Queued all = Queued.DONE;
                for (QueueRule r : rules) {
                    TargetQueue t = find(r.queueArn());
                    if (t != null) { // a target since removed from the environment: nothing to send to
                        all = all.and(t.submit(event.partitionKey(), EventJson.toJson(event, region, r.id(), seq)));
                    }
                }
                return all;
            }

            @Override
            public boolean wants(String bucket) {
                return !configs.of(bucket).isEmpty();
            }
        };
    }

    @Override
    public void close() throws InterruptedException {
        for (TargetQueue t : targets) {
            t.close();
        }
    }
}
