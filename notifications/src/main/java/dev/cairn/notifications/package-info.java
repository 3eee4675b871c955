/**
 * Bucket notifications: what the node calls after a committed mutation ({@link dev.cairn.notifications.EventSink}),
 * and everything between that call and a Kafka topic or a webhook.
 *
 * <ul>
 *   <li>{@link dev.cairn.notifications.EventName} and {@link dev.cairn.notifications.ObjectEvent}: the events and
 *       what the node knows of one (the version, the caller, the request ids).</li>
 *   <li>{@code config}: a bucket's {@code NotificationConfiguration} (queue rules with events, wildcards,
 *       prefix/suffix filters), parsed and validated as S3 does, and which rules an event matches.</li>
 *   <li>{@code event}: the AWS S3 event message JSON ({@code {"Records":[...]}}, eventVersion 2.1) and the
 *       sequencer (a hybrid clock: increasing per node, so per key).</li>
 *   <li>{@code queue}: the durable queue of one target, an append-only segment journal mirrored in one directory per
 *       drive ({@code <drive>/.cairn.sys/events/<kind>-<id>/}), with group commit (one write and one sync per copy
 *       for every batch of concurrent appends), an acknowledged position, and recovery that ignores a torn tail.</li>
 *   <li>{@code targets}: {@code CAIRN_NOTIFY_KAFKA_<ID>_*} / {@code CAIRN_NOTIFY_WEBHOOK_<ID>_*} settings and the
 *       targets themselves (an idempotent {@code acks=all} Kafka producer keyed {@code bucket/key}; HTTP POSTs).</li>
 *   <li>{@code forward}: one forwarder per target that delivers what is queued and acknowledges it in the queue only
 *       after the target acknowledged it, retrying with backoff: at-least-once, in queue order.</li>
 * </ul>
 *
 * <p>{@link dev.cairn.notifications.NotificationService} puts it together for the node. The library does its own
 * file I/O in the directories the node gives it; it knows nothing of drives, Quarkus or the S3 API. The design and
 * its invariants are in {@code docs/design/events.md}.
 */
package dev.cairn.notifications;
