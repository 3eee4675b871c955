/**
 * The local single-node Kafka broker: {@code ./cairn kafka} for development, and the broker the tests start.
 *
 * <p>{@link dev.cairn.kafka.KafkaBroker} runs Apache Kafka 4.3.1 in KRaft mode (broker and controller in one node)
 * as a child JVM on 127.0.0.1: it formats the directory on first start, waits until the broker serves clients, and
 * stops or kills it. The broker's jars never meet the caller's classpath (where the Quarkus BOM's Kafka client
 * lives): the build writes their paths into a resource ({@link dev.cairn.kafka.KafkaBroker#brokerClasspath()}) and
 * the child JVM gets them. This package compiles against nothing of Kafka's.
 *
 * <p>{@link dev.cairn.kafka.KafkaMain} is the command line; {@code dev.cairn.kafka.junit} the JUnit 5 extension.
 * Not here: topic set-up for notifications and replication, which belongs to the modules that produce and consume.
 */
package dev.cairn.kafka;
