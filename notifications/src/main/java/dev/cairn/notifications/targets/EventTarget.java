package dev.cairn.notifications.targets;

import dev.cairn.notifications.queue.QueuedEvent;

import java.util.List;

/**
 * Where a target's events go (a Kafka topic, a webhook). {@link #send} delivers a batch in order and returns only
 * when the receiver has acknowledged all of it; the forwarder then acknowledges the batch in the queue.
 */
public interface EventTarget extends AutoCloseable {

    /** The target's ARN, e.g. {@code arn:cairn:sqs::primary:kafka}. */
    Arn arn();

    /**
     * Delivers {@code batch} in order.
     *
     * @throws DeliveryException when not all of it was acknowledged; {@link DeliveryException#delivered} tells
     *                           how many leading events were (the forwarder resends the rest)
     */
    void send(List<QueuedEvent> batch) throws DeliveryException, InterruptedException;

    /** Whether the last delivery worked (for the admin listing; the forwarder simply retries). */
    boolean isOnline();

    @Override
    void close();
}
