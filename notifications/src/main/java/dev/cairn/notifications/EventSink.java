package dev.cairn.notifications;

/**
 * What the node calls after a mutation has committed (and after serving a read), before it answers the client.
 * An implementation that queues events durably returns only once they are on stable storage, so an
 * acknowledged request never loses its event.
 *
 * <p>It never throws for a delivery problem: a full or unavailable queue is counted and logged by the sink,
 * and the request it came from still succeeds (the object is committed either way).
 */
@FunctionalInterface
public interface EventSink {

    /** The sink of a node without notification targets. */
    EventSink NONE = event -> { };

    void record(ObjectEvent event);

    /**
     * Whether an event of this bucket could be wanted at all; lets callers skip building events (a map lookup
     * per request) when no notification configuration names the bucket.
     */
    default boolean wants(String bucket) {
        return this != NONE;
    }
}
