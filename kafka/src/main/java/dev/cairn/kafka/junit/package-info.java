/**
 * JUnit 5 support: {@link dev.cairn.kafka.junit.WithKafkaBroker} gives a test class a real broker
 * ({@link dev.cairn.kafka.KafkaBroker}) through parameter injection. JUnit is {@code provided}: the module whose
 * tests use this brings its own.
 */
package dev.cairn.kafka.junit;
