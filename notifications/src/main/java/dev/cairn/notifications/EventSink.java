package dev.cairn.notifications;

/**
 * What the node calls when a mutation commits (and after serving a read), before it answers the client.
 * An implementation that queues events durably makes {@link Queued#await} return only once they are on stable
 * storage, so an acknowledged request never loses its event.
 *
 * <p>Two steps, so that the order of a key's events is the order of its commits: the node {@linkplain #submit
 * submits} an event while it still holds the key's write lock (events submitted one after another are queued in
 * that order), and {@linkplain Queued#await waits} for the disk after releasing it.
 *
 * <p>It never throws for a delivery problem: a full or unavailable queue is counted and logged by the sink,
 * and the request it came from still succeeds (the object is committed either way).
 */
@FunctionalInterface
public interface EventSink {

    /** The sink of a node without notification targets. */
    EventSink NONE = event -> Queued.DONE;

    /** Places the event in the queues it is configured for and returns at once. */
    Queued submit(ObjectEvent event);

    /** Submits the event and waits until it is stored. */
    default void record(ObjectEvent event) {
        submit(event).await();
    }

    /**
     * Whether an event of this bucket could be wanted at all; lets callers skip building events (a map lookup
     * per request) when no notification configuration names the bucket.
     */
    default boolean wants(String bucket) {
        return this != NONE;
    }

    /** A submitted event on its way to stable storage. */
    @FunctionalInterface
    interface Queued {
        /** Nothing to wait for: no queue took the event, or it is stored already. */
        Queued DONE = () -> { };

        /** Returns once the event is stored (or was dropped, which the sink counted and logged). */
        void await();

        /** Waits for this and then {@code other}. */
        default Queued and(Queued other) {
            if (this == DONE) {
                return other;
            }
            return other == DONE ? this : () -> {
                await();
                other.await();
            };
        }
    }
}
