package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.RenameResult;
import dev.cairn.storage.meta.ErasureInfo;
import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;
import dev.cairn.storage.meta.PartInfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Heals one key of one set, under the key's write lock. For every version any drive knows of:
 * <ul>
 *   <li>on at least its read quorum of drives: rewritten onto every online drive that lacks it, holds a
 *   different record of it, or (when {@code deep}) holds a shard that fails its bitrot check. The data is
 *   decoded from the good shards and re-encoded; encoding is deterministic, so the rewritten shards are the
 *   ones that were lost;</li>
 *   <li>on too few drives to ever reach quorum, even if every offline drive held it: a write that never
 *   committed (a crash between shards and commit, or an undo that failed). Removed;</li>
 *   <li>otherwise left alone until more drives are online.</li>
 * </ul>
 */
final class Healer {
    private final ErasureSet set;

    Healer(ErasureSet set) {
        this.set = set;
    }

    HealResult healKey(String bucket, String key, boolean deep) {
        String path = ErasureSet.pathOf(key);
        try (NamespaceLocks.Held ignored = set.locks().write(bucket, key)) {
            Drive[] online = set.onlineDrives();
            DriveResults<ObjectMeta> metas = DriveResults.run(online, set.executor(), (pos, d) -> d.readMeta(bucket, path));
            Set<UUID> ids = new LinkedHashSet<>();
            for (int i = 0; i < metas.size(); i++) {
                if (metas.ok(i)) {
                    metas.value(i).versions().forEach(v -> ids.add(v.versionId()));
                }
            }
            HealResult total = HealResult.NOTHING;
            for (UUID id : ids) {
                total = total.plus(healVersion(bucket, path, online, metas, id, deep));
            }
            return total;
        }
    }

    private HealResult healVersion(String bucket, String path, Drive[] online, DriveResults<ObjectMeta> metas,
                                   UUID id, boolean deep) {
        VersionQuorum q = VersionQuorum.decide(metas, id);
        int quorum = set.quorumFor(q.winner());
        if (q.agreeing() < quorum) {
            int offline = metas.count(DriveError.DRIVE_OFFLINE) + metas.count(DriveError.FAULTY);
            if (q.agreeing() + offline < quorum) {
                return removeDangling(bucket, path, online, q);
            }
            return new HealResult(0, 0, 0, 1);
        }
        ObjectVersion v = q.winner();
        boolean[] stale = new boolean[online.length];
        int staleCount = 0;
        for (int pos = 0; pos < online.length; pos++) {
            boolean bad = online[pos] != null && (q.byPosition()[pos] == null
                    || !v.isDeleteMarker() && !shardsIntact(bucket, path, online[pos], q.byPosition()[pos], deep));
            stale[pos] = bad;
            staleCount += bad ? 1 : 0;
        }
        if (staleCount == 0) {
            return HealResult.NOTHING;
        }
        ResolvedVersion good = goodOnly(q, stale);
        int written = v.isDeleteMarker() ? copyMarker(bucket, path, online, stale, v) : rebuild(bucket, path, online,
                stale, good);
        return new HealResult(written > 0 ? 1 : 0, written, 0, 0);
    }

    /** The resolved version restricted to positions whose shards are good (sources for the rebuild). */
    private static ResolvedVersion goodOnly(VersionQuorum q, boolean[] stale) {
        ObjectVersion[] byPosition = q.byPosition().clone();
        int agreeing = 0;
        for (int i = 0; i < byPosition.length; i++) {
            if (stale[i]) {
                byPosition[i] = null;
            }
            agreeing += byPosition[i] != null ? 1 : 0;
        }
        return new ResolvedVersion(q.winner(), byPosition, q.latest(), agreeing);
    }

    private HealResult removeDangling(String bucket, String path, Drive[] online, VersionQuorum q) {
        int removed = 0;
        for (int pos = 0; pos < online.length; pos++) {
            if (online[pos] != null && q.byPosition()[pos] != null) {
                try {
                    online[pos].deleteVersion(bucket, path, q.winner().versionId());
                    removed++;
                } catch (RuntimeException e) {
                    // stays dangling; the next heal tries again
                }
            }
        }
        return new HealResult(0, 0, removed > 0 ? 1 : 0, 0);
    }

    private boolean shardsIntact(String bucket, String path, Drive d, ObjectVersion mine, boolean deep) {
        ErasureInfo e = mine.erasure();
        if (mine.isInline()) {
            return !deep || verifyInline(mine);
        }
        long[] sizes = mine.parts().stream().mapToLong(p -> Bitrot.shardFileSize(p.size(), e)).toArray();
        try {
            d.checkParts(bucket, path, mine, sizes);
            if (deep) {
                for (PartInfo p : mine.parts()) {
                    String file = path + "/" + mine.dataDir() + "/part." + p.number();
                    try (InputStream in = d.readFileStream(bucket, file, 0, Bitrot.shardFileSize(p.size(), e))) {
                        verifyFrames(in, p.size(), e);
                    }
                }
            }
            return true;
        } catch (RuntimeException | IOException bad) {
            return false;
        }
    }

    private static boolean verifyInline(ObjectVersion mine) {
        try (InputStream in = new ByteArrayInputStream(mine.inlineData())) {
            verifyFrames(in, mine.size(), mine.erasure());
            return true;
        } catch (RuntimeException | IOException bad) {
            return false;
        }
    }

    /** Reads every frame of a shard file and checks its hash; throws on the first bad one. */
    private static void verifyFrames(InputStream in, long partSize, ErasureInfo e) throws IOException {
        byte[] hash = new byte[Bitrot.HASH_SIZE];
        byte[] scratch = new byte[Bitrot.HASH_SIZE];
        byte[] shard = new byte[e.shardSize(e.blockSize())];
        for (long done = 0; done < partSize; done += e.blockSize()) {
            int len = e.shardSize((int) Math.min(e.blockSize(), partSize - done));
            if (in.readNBytes(hash, 0, hash.length) != hash.length || in.readNBytes(shard, 0, len) != len) {
                throw new IOException("shard file ends early");
            }
            Bitrot.verify(java.nio.ByteBuffer.wrap(shard, 0, len), hash, scratch, "heal check");
        }
    }

    private int copyMarker(String bucket, String path, Drive[] online, boolean[] stale, ObjectVersion marker) {
        Drive[] targets = targets(online, stale);
        DriveResults<RenameResult> r = DriveResults.run(targets, set.executor(),
                (pos, d) -> d.writeVersion(bucket, path, marker));
        return r.successes();
    }

    /** Decodes every part from the good drives and re-encodes only the stale drives' shards, then commits them. */
    private int rebuild(String bucket, String path, Drive[] online, boolean[] stale, ResolvedVersion good) {
        ObjectVersion v = good.version();
        ErasureInfo e = v.erasure();
        if (v.parts().isEmpty()) { // a record without data, such as an upload in progress
            DriveResults<RenameResult> r = DriveResults.run(targets(online, stale), set.executor(),
                    (pos, d) -> d.writeVersion(bucket, path, v.withErasureIndex(e.shardAt(pos), null)));
            return r.successes();
        }
        StagedWrite staged = new StagedWrite(set, e, v.isInline(), v.dataDir(), stale);
        try {
            for (PartInfo part : v.parts()) {
                try (InputStream data = set.openPartForHeal(bucket, path, good, part)) {
                    staged.writePart(data, part.size(), part.number(), 1);
                }
            }
            return staged.commitTo(bucket, path, v);
        } catch (IOException ex) {
            return 0;
        } finally {
            staged.cleanup();
        }
    }

    static Drive[] targets(Drive[] online, boolean[] include) {
        Drive[] t = new Drive[online.length];
        for (int i = 0; i < online.length; i++) {
            t[i] = include[i] ? online[i] : null;
        }
        return t;
    }
}
