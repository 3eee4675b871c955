package dev.cairn.storage.object;

import java.util.function.Supplier;

/**
 * What a caller of the {@link ObjectLayer} wants done at the instant one of its mutations commits, while the
 * erasure set still holds the key's write lock. Whatever the observer records (a notification event, with its
 * sequencer and its place in the event queue) is therefore ordered exactly as the commits of that key are, even
 * when several clients write the key at once; recorded after the call returned, two writers' events could swap.
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

    /** Runs {@code call} with {@code observer} told of every commit the call makes. */
    static <T> T during(CommitObserver observer, Supplier<T> call) {
        return ScopedValue.where(Bound.OBSERVER, observer).call(call::get);
    }

    /** For the erasure layer, under the key's write lock, right after a version reached its write quorum. */
    static void versionCommitted(ObjectInfo version) {
        if (Bound.OBSERVER.isBound()) {
            Bound.tell(o -> o.committed(version));
        }
    }

    /** For the erasure layer, under the key's write lock, right after a delete reached its write quorum. */
    static void deleteCommitted(String bucket, String key, String requestedVersionId, DeleteResult result) {
        if (Bound.OBSERVER.isBound()) {
            Bound.tell(o -> o.removed(bucket, key, requestedVersionId, result));
        }
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
