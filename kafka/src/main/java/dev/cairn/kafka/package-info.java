/**
 * The local single-node KRaft Kafka broker behind {@code ./cairn kafka}.
 *
 * <p>Not built yet: it arrives with the bucket notifications issue.
 */
package dev.cairn.kafka;
