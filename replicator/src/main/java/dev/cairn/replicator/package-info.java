/**
 * The replicator: consumes replication deltas from Kafka and mirrors object versions to remote sites.
 *
 * <p>Not built yet: it arrives with the replication issue. Until then this is a plain library module; it
 * becomes the Quarkus app {@code cairn-replicator} when it has something to run.
 */
package dev.cairn.replicator;
