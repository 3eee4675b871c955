/**
 * Notifications: the event model, bucket notification configuration, event targets (Kafka, webhook) and the
 * durable on-disk queue.
 *
 * <p>Not built yet: it arrives with the bucket notifications issue.
 */
package dev.cairn.notifications;
