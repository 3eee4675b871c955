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

    /**
     * Before a mutation commits, under the key's write lock: takes the event's places in its queues (so its order
     * is the commit order) and returns what the commit's meta-journal records should carry for it. If those
     * records hold it durably on enough drives, the event needs no sync of its queue before the client's answer:
     * a crash puts it back from them. By default: nothing to carry, and {@link #submit} once committed.
     */
    default Reserved prepare(ObjectEvent event) {
        return new Reserved() {
            @Override
            public byte[] rider() {
                return null;
            }

            @Override
            public Queued committed(int riderCopies) {
                return submit(event);
            }

            @Override
            public void abandoned() {
            }
        };
    }

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

    /** An event whose places are taken while its commit is under way. */
    interface Reserved {
        /** No queue wants the event. */
        Reserved NONE = new Reserved() {
            @Override
            public byte[] rider() {
                return null;
            }

            @Override
            public Queued committed(int riderCopies) {
                return Queued.DONE;
            }

            @Override
            public void abandoned() {
            }
        };

        /** What the commit's meta-journal records should carry (null: nothing). */
        byte[] rider();

        /**
         * The commit reached its quorum, and {@code riderCopies} of the node's drives hold the rider durably: the
         * event goes in its places; the result waits for its queues' sync only where the rider is not enough.
         */
        Queued committed(int riderCopies);

        /** The commit failed: its places are given up. */
        void abandoned();
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
