package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.JournalRider;
import dev.cairn.storage.object.CommitObserver;
import dev.cairn.storage.object.DeleteResult;
import dev.cairn.storage.object.ObjectInfo;

import java.util.function.Supplier;

/**
 * One commit with the bound {@link CommitObserver}'s part in it, for a caller holding the key's write lock: the
 * observer prepares first, the commit's drive calls carry its rider in their meta-journal records on this node's
 * drives, and the observer then hears how it ended: committed (with how many drives hold the rider durably) or
 * abandoned (the commit threw: below write quorum, undone). The undo's own records may carry the rider too; the
 * commit's already did, so that changes nothing a restart would see.
 */
final class ObservedCommit {

    private ObservedCommit() {
    }

    /** Commits {@code version} (what the call will return) through {@code commit}, which throws when it fails. */
    static <T> T version(ObjectInfo version, Supplier<T> commit) {
        return run(CommitObserver.prepareVersion(version), commit);
    }

    /**
     * Commits a delete through {@code commit}, which throws when it fails; {@code result} is what the delete will
     * report, {@code requestedVersionId} the version the request named (null: the current one).
     */
    static <T> T removal(String bucket, String key, String requestedVersionId,
                         DeleteResult result, Supplier<T> commit) {
        return run(CommitObserver.prepareRemoval(bucket, key, requestedVersionId, result), commit);
    }

    private static <T> T run(CommitObserver.Prepared observed, Supplier<T> commit) {
        JournalRider rider = observed.rider() == null ? null : new JournalRider(observed.rider());
        T done;
        boolean committed = false;
        try {
            done = JournalRider.carrying(rider, commit);
            committed = true;
        } finally {
            if (!committed) {
                observed.abandoned();
            }
        }
        observed.committed(rider == null ? 0 : rider.durableCopies());
        return done;
    }
}
