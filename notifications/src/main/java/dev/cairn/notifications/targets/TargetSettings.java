package dev.cairn.notifications.targets;

import java.util.List;
import java.util.Map;

/** One configured target: what it is, where it sends, and how many events its queue may hold. */
public sealed interface TargetSettings permits KafkaSettings, WebhookSettings {
    long DEFAULT_QUEUE_LIMIT = 100_000;

    Arn arn();

    /** Unacknowledged events the target's queue holds before new events for it are dropped. */
    long queueLimit();

    /** The settings with secrets masked, for logs and the admin listing. */
    Map<String, Object> describe();

    /**
     * The targets the environment ({@code CAIRN_NOTIFY_KAFKA_<ID>_BROKERS}, ...) and the configuration keys
     * ({@code cairn.notify.kafka.<id>.brokers}, ...) define; the environment wins where both set one setting.
     *
     * @throws IllegalArgumentException naming the variable at fault
     */
    static List<TargetSettings> parse(Map<String, String> environment, Map<String, String> configKeys) {
        return new SettingsParser().read(environment, configKeys);
    }
}
