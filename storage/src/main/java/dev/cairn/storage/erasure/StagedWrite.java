package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.RenameResult;
import dev.cairn.storage.drive.ShardWriter;
import dev.cairn.storage.meta.ErasureInfo;
import dev.cairn.storage.meta.ObjectVersion;

import java.io.InputStream;
import java.util.UUID;

/**
 * One version being written: its parts are encoded into {@code .cairn.sys/tmp/<uuid>/<dataDir>/part.N} on
 * every drive (or kept in memory when inline), then committed into the key with {@link Drive#renameData}.
 * {@link #cleanup()} always runs and removes the temporary directory, committed or not.
 */
final class StagedWrite {
    private final ErasureSet set;
    private final ErasureInfo erasure;
    private final boolean inline;
    private final UUID dataDir;
    /**
     * Its own staging directory per write, not {@code tmp/<dataDir>}: the parts of one multipart upload share a
     * data dir and are uploaded concurrently, so a shared directory would let one part's cleanup delete another's
     * shards.
     */
    private final String tmpDir = ErasureSet.TMP_DIR + "/" + UUID.randomUUID();
    private final boolean[] alive;
    private final byte[][] inlineBytes;
    private boolean missed;

    StagedWrite(ErasureSet set, ErasureInfo erasure, boolean inline, UUID dataDir) {
        this(set, erasure, inline, dataDir, all(set.size()));
    }

    /** A write to the positions in {@code targets} only (healing rewrites just the drives that need it). */
    StagedWrite(ErasureSet set, ErasureInfo erasure, boolean inline, UUID dataDir, boolean[] targets) {
        this.set = set;
        this.erasure = erasure;
        this.inline = inline;
        this.dataDir = dataDir;
        this.alive = targets.clone();
        this.inlineBytes = new byte[set.size()][];
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    /** What one part turned out to be. */
    record Written(String md5Hex, long size) {
    }

    /**
     * Encodes one part ({@code size} -1: until the body ends); drives that fail are left out of the commit.
     */
    Written writePart(InputStream body, long size, int partNumber, int writeQuorum) {
        String file = tmpDir + "/" + dataDir + "/part." + partNumber;
        ErasureSet.ShardWriters opened = set.openWriters(erasure, inline, file, alive);
        ShardWriter[] writers = opened.writers();
        ErasureEncoder.Result r;
        try {
            r = new ErasureEncoder(set.codec(erasure), erasure, set.executor()).encode(body, size, writers,
                    opened.errors(), writeQuorum);
        } catch (RuntimeException e) {
            for (ShardWriter w : writers) {
                if (w != null) {
                    w.abort();
                }
            }
            throw e;
        }
        boolean[] shardAlive = r.alive();
        ShardWriter[] live = new ShardWriter[writers.length];
        for (int shard = 0; shard < writers.length; shard++) {
            live[shard] = shardAlive[shard] ? writers[shard] : null;
        }
        DriveResults<Boolean> closed = DriveResults.run(live, set.executor(), (shard, w) -> {
            w.close();
            return true;
        });
        for (int shard = 0; shard < shardAlive.length; shard++) {
            shardAlive[shard] &= closed.ok(shard);
        }
        ErasureEncoder.requireQuorum(shardAlive, r.errors(), writeQuorum);
        for (int pos = 0; pos < alive.length; pos++) {
            int shard = erasure.shardAt(pos) - 1;
            alive[pos] &= shardAlive[shard];
            if (inline && alive[pos]) {
                inlineBytes[pos] = ((InlineShardWriter) writers[shard]).toByteArray();
            }
        }
        return new Written(r.md5Hex(), r.size());
    }

    /** Commits {@code version} on every drive that holds all parts; undoes it below {@code writeQuorum}. */
    void commit(String bucket, String path, ObjectVersion version, int writeQuorum) {
        Drive[] targets = targets();
        DriveResults<RenameResult> r = rename(targets, bucket, path, version);
        Commit.requireWriteQuorum(bucket, r, writeQuorum, (pos, res) -> {
            targets[pos].restoreMeta(bucket, path, res.previousMeta());
            if (dataDir != null) {
                targets[pos].delete(bucket, path + "/" + dataDir, true);
            }
        });
        Commit.deleteOrphans(targets, bucket, path, r, set.executor(), set.activeReads());
        missed = r.successes() < alive.length;
    }

    /**
     * Commits a healed version onto the target drives, each with its own shard index; no quorum applies (the
     * version already has one). Returns how many drives took it.
     */
    int commitTo(String bucket, String path, ObjectVersion version) {
        Drive[] targets = targets();
        DriveResults<RenameResult> r = rename(targets, bucket, path, version);
        Commit.deleteOrphans(targets, bucket, path, r, set.executor(), set.activeReads());
        return r.successes();
    }

    private Drive[] targets() {
        return Healer.targets(set.driveArray(), alive);
    }

    private DriveResults<RenameResult> rename(Drive[] targets, String bucket, String path, ObjectVersion version) {
        return DriveResults.run(targets, set.executor(), (pos, d) -> d.renameData(Drive.SYSTEM_VOLUME, tmpDir,
                version.withErasureIndex(erasure.shardAt(pos), inlineBytes[pos]), bucket, path));
    }

    /** Where part {@code partNumber} was staged on each drive (system volume). */
    String stagedPart(int partNumber) {
        return tmpDir + "/" + dataDir + "/part." + partNumber;
    }

    /** The positions that hold every part written so far. */
    boolean[] alive() {
        return alive.clone();
    }

    /** True when some drive did not get the version: it needs healing. */
    boolean missedDrives() {
        return missed;
    }

    void cleanup() {
        if (inline) {
            return;
        }
        DriveResults.run(set.onlineDrives(), set.executor(), (pos, d) -> {
            d.delete(Drive.SYSTEM_VOLUME, tmpDir, true);
            return true;
        });
    }
}
