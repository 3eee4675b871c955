package dev.cairn.storage.object;

import java.util.function.Supplier;

/**
 * What a caller of the {@link ObjectLayer} wants done at the instant one of its mutations commits, while the
 * erasure set still holds the key's write lock. Whatever the observer records (a notification event, with its
 * sequencer and its place in the event queue) is therefore ordered exactly as the commits of that key are, even
 * when several clients write the key at once; recorded after the call returned, two writers' events could swap.
 *
 * <p>Each commit has two moments, both under the lock: right before it the observer {@linkplain #preparing
 * prepares} (and may hand over a rider for the commit's meta-journal records), and once it is decided it hears
 * {@linkplain Prepared#committed committed} or {@linkplain Prepared#abandoned abandoned}. An observer that only
 * wants to know what committed implements {@link #committed} and {@link #removed}, which the default
 * preparations call.
 *
 * <p>An observer is bound for the length of one ObjectLayer call with {@link #during}, on the calling thread
 * (the erasure layer commits on the thread that called it); a call without one commits exactly as before. An
 * observer runs inside the lock, so it must be quick, must not call the ObjectLayer, and must not throw: a
 * failure of the observer never undoes a commit (the erasure layer logs it and goes on).
 */
public interface CommitObserver {

    /** A version was written or its metadata (tags) replaced: {@code version} is what the call will return. */
    void committed(ObjectInfo version);

    /**
     * A delete took effect (or found nothing to delete, which S3 counts as success).
     *
     * @param requestedVersionId the version id the request named, null for "the current version"
     */
    void removed(String bucket, String key, String requestedVersionId, DeleteResult result);

    /**
     * Before a version commits, under the key's write lock: what this observer wants carried in the commit's
     * journal records on the node's drives (so that what it records is durable with the commit itself), and
     * what it does once the commit is decided. By default it carries nothing and is told {@link #committed}.
     */
    default Prepared preparing(ObjectInfo version) {
        return riderCopies -> committed(version);
    }

    /** As {@link #preparing(ObjectInfo)}, before a delete; by default it is told {@link #removed} afterwards. */
    default Prepared preparingRemoval(String bucket, String key, String requestedVersionId, DeleteResult result) {
        return riderCopies -> removed(bucket, key, requestedVersionId, result);
    }

    /** An observer's part in one commit that has not been decided yet. */
    @FunctionalInterface
    interface Prepared {
        /** Carries nothing and does nothing (no observer bound). */
        Prepared NONE = riderCopies -> { };

        /** Bytes for the commit's journal records on this node's drives to carry, or null. */
        default byte[] rider() {
            return null;
        }

        /** The commit reached its write quorum; {@code riderCopies} of this node's drives hold the rider durably. */
        void committed(int riderCopies);

        /** The commit failed: nothing was committed. */
        default void abandoned() {
        }
    }

    /**
     * For the erasure layer, under the key's write lock, right before a version's commit: the bound observer's
     * {@link #preparing}, or {@link Prepared#NONE}. Whatever the observer does wrong is logged, never thrown.
     */
    static Prepared prepareVersion(ObjectInfo version) {
        return prepare(o -> o.preparing(version));
    }

    /** As {@link #prepareVersion}, right before a delete's commit (see {@link #preparingRemoval}). */
    static Prepared prepareRemoval(String bucket, String key, String requestedVersionId, DeleteResult result) {
        return prepare(o -> o.preparingRemoval(bucket, key, requestedVersionId, result));
    }

    private static Prepared prepare(java.util.function.Function<CommitObserver, Prepared> how) {
        if (!Bound.OBSERVER.isBound()) {
            return Prepared.NONE;
        }
        Prepared p;
        try {
            p = how.apply(Bound.OBSERVER.get());
        } catch (RuntimeException e) {
            Bound.LOG.log(System.Logger.Level.ERROR, "a commit observer failed; the commit goes on", e);
            return Prepared.NONE;
        }
        return new Prepared() {
            @Override
            public byte[] rider() {
                return p.rider();
            }

            @Override
            public void committed(int riderCopies) {
                Bound.tell(o -> p.committed(riderCopies));
            }

            @Override
            public void abandoned() {
                Bound.tell(o -> p.abandoned());
            }
        };
    }

    /** Runs {@code call} with {@code observer} told of every commit the call makes. */
    static <T> T during(CommitObserver observer, Supplier<T> call) {
        return ScopedValue.where(Bound.OBSERVER, observer).call(call::get);
    }

    /** The binding itself, kept out of the interface's public surface. */
    final class Bound {
        private static final System.Logger LOG = System.getLogger(CommitObserver.class.getName());
        private static final ScopedValue<CommitObserver> OBSERVER = ScopedValue.newInstance();

        private Bound() {
        }

        private static void tell(java.util.function.Consumer<CommitObserver> what) {
            try {
                what.accept(OBSERVER.get());
            } catch (RuntimeException e) {
                // the commit stands whatever the observer did; say so rather than fail an acknowledged write
                LOG.log(System.Logger.Level.ERROR, "a commit observer failed; the commit stands", e);
            }
        }
    }
}
