package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.RenameResult;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/** Finishing a commit across drives: accept it at write quorum, or undo it where it landed. */
final class Commit {
    private Commit() {
    }

    /**
     * Returns when at least {@code quorum} drives committed; otherwise undoes the commit on those that did
     * (best effort: what an undo misses, healing finds) and throws the error that explains it.
     */
    static void requireWriteQuorum(String bucket, DriveResults<RenameResult> r, int quorum,
                                   BiConsumer<Integer, RenameResult> undo) {
        if (r.successes() >= quorum) {
            return;
        }
        for (int i = 0; i < r.size(); i++) {
            if (r.ok(i)) {
                try {
                    undo.accept(i, r.value(i));
                } catch (RuntimeException ignored) {
                    // the drive failed again; the leftover version is below quorum and healing removes it
                }
            }
        }
        Map.Entry<DriveError, Integer> dominant = r.dominantError();
        DriveError err = dominant == null ? null : dominant.getKey();
        if (err == DriveError.VOLUME_NOT_FOUND) {
            throw new ObjectException(ObjectError.BUCKET_NOT_FOUND, bucket);
        }
        if (err == DriveError.DISK_FULL) {
            throw new ObjectException(ObjectError.STORAGE_FULL, "drives full " + r);
        }
        throw new ObjectException(ObjectError.INSUFFICIENT_WRITE_QUORUM, r.successes() + " of " + r.size()
                + " drives committed, need " + quorum + " " + r);
    }

    /** Removes data directories that committed versions replaced. Best effort: a failure leaves only space. */
    static void deleteOrphans(Drive[] drives, String bucket, String path, DriveResults<RenameResult> r,
                              Executor executor, ActiveReads reads) {
        Drive[] targets = new Drive[r.size()];
        for (int i = 0; i < r.size(); i++) {
            boolean orphan = r.ok(i) && r.value(i) != null && r.value(i).orphanDataDir() != null;
            targets[i] = orphan ? drives[i] : null;
        }
        DriveResults.run(targets, executor, (pos, d) -> {
            java.util.UUID dir = r.value(pos).orphanDataDir();
            reads.deleteWhenUnread(bucket, path, dir, () -> d.delete(bucket, path + "/" + dir, true));
            return true;
        });
    }
}
