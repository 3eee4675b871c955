package dev.cairn.storage.erasure;

import dev.cairn.storage.codec.ErasureCodec;
import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.DriveException;
import dev.cairn.storage.drive.KeyPaths;
import dev.cairn.storage.drive.RenameResult;
import dev.cairn.storage.drive.ShardWriter;
import dev.cairn.storage.meta.ErasureInfo;
import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;
import dev.cairn.storage.meta.PartInfo;
import dev.cairn.storage.meta.VersionType;
import dev.cairn.storage.object.ByteRange;
import dev.cairn.storage.object.DeleteResult;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.PutOptions;
import dev.cairn.storage.object.RangeSpec;
import dev.cairn.storage.object.StorageClass;
import dev.cairn.storage.object.Versioning;
import dev.cairn.storage.object.WriteCondition;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * One erasure set: a fixed group of drives, each object's shards spread over all of them. Writes go to a
 * temporary directory on every drive and are committed with {@link Drive#renameData} under the key's write
 * lock; below write quorum the commit is undone. Reads decide the version by quorum and read shards with
 * {@link PartReader}.
 */
public final class ErasureSet {

    /** Staging directory in the system volume: {@code tmp/<uuid>/...} per write. */
    static final String TMP_DIR = "tmp";

    private final int index;
    private final Drive[] drives;
    private final ErasureConfig config;
    private final BiFunction<Integer, Integer, ErasureCodec> codecs;
    private final Executor executor;
    private final NamespaceLocks locks;
    private final HealScheduler heal;
    private final java.time.InstantSource clock;
    private final AtomicLong lastModTime = new AtomicLong();
    private final ActiveReads activeReads = new ActiveReads();

    public ErasureSet(int index, Drive[] drives, ErasureConfig config,
                      BiFunction<Integer, Integer, ErasureCodec> codecs, Executor executor, NamespaceLocks locks,
                      HealScheduler heal, java.time.InstantSource clock) {
        this.index = index;
        this.drives = drives.clone();
        this.config = config;
        this.codecs = codecs;
        this.executor = executor;
        this.locks = locks;
        this.heal = heal;
        this.clock = clock;
    }

    public int index() {
        return index;
    }

    public int size() {
        return drives.length;
    }

    /** The drives by position, null where one is offline right now. */
    Drive[] onlineDrives() {
        Drive[] out = new Drive[drives.length];
        for (int i = 0; i < drives.length; i++) {
            out[i] = drives[i] != null && drives[i].isOnline() ? drives[i] : null;
        }
        return out;
    }

    Drive drive(int position) {
        return drives[position];
    }

    /** The drives by position, online or not. */
    Drive[] driveArray() {
        return drives.clone();
    }

    Executor executor() {
        return executor;
    }

    NamespaceLocks locks() {
        return locks;
    }

    ActiveReads activeReads() {
        return activeReads;
    }

    HealScheduler healScheduler() {
        return heal;
    }

    int blockSize() {
        return config.blockSize();
    }

    MultipartUploads multipart() {
        return new MultipartUploads(this);
    }

    /** A whole part decoded from the positions of {@code good}, for re-encoding; bad shards are skipped silently. */
    InputStream openPartForHeal(String bucket, String path, ResolvedVersion good, PartInfo part) {
        int partIndex = good.version().parts().indexOf(part);
        return openPart(bucket, null, path, good, partIndex, ByteRange.whole(part.size()));
    }

    ErasureCodec codec(ErasureInfo erasure) {
        return codecs.apply(erasure.data(), erasure.parity());
    }

    int parityFor(StorageClass sc) {
        return sc == StorageClass.REDUCED_REDUNDANCY ? config.reducedParity() : config.standardParity();
    }

    /**
     * Parity for a write now: the storage class's, raised by the number of drives offline (up to half the set).
     * A drive that misses the write would otherwise eat into the object's spare shards until it is healed; with
     * the raise the object tolerates as many further losses as a fully written one.
     */
    int parityForWrite(StorageClass sc) {
        int offline = 0;
        for (Drive d : onlineDrives()) {
            offline += d == null ? 1 : 0;
        }
        return Math.min(parityFor(sc) + offline, drives.length / 2);
    }

    static int writeQuorum(int data, int parity) {
        return data == parity ? data + 1 : data;
    }

    /** Quorum for versions without erasure info (delete markers) and for listings: the STANDARD geometry. */
    int defaultReadQuorum() {
        return drives.length - config.standardParity();
    }

    /** The write quorum of STANDARD objects (also what node readiness means). */
    public int defaultWriteQuorum() {
        return writeQuorum(drives.length - config.standardParity(), config.standardParity());
    }

    /** Strictly increasing on this node, so versions of a key committed in order are ordered in time. */
    long nextModTime() {
        java.time.Instant now = clock.instant();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return lastModTime.updateAndGet(prev -> Math.max(prev + 1, nanos));
    }

    // ---- write

    public ObjectInfo putObject(String bucket, String key, InputStream body, long size, PutOptions opts) {
        return putObject(bucket, key, body, size, opts, () -> { });
    }

    /**
     * As {@link #putObject(String, String, InputStream, long, PutOptions)}; {@code bodyDone} runs once the body
     * has been read, before the commit (a copy closes its source there, releasing the source key's read lock,
     * so copying a key onto itself cannot deadlock).
     */
    ObjectInfo putObject(String bucket, String key, InputStream body, long size, PutOptions opts, Runnable bodyDone) {
        String path = pathOf(key);
        int n = drives.length;
        int parity = parityForWrite(opts.storageClass());
        int data = n - parity;
        ErasureInfo erasure = new ErasureInfo(data, parity, config.blockSize(), 0,
                Placement.distribution(bucket, key, n));
        long shardFile = Bitrot.shardFileSize(size, erasure);
        boolean inline = size >= 0 && shardFile <= (opts.versioning() == Versioning.ENABLED
                ? config.inlineLimitVersioned() : config.inlineLimit());
        UUID versionId = opts.versioning() == Versioning.ENABLED ? UUID.randomUUID() : ObjectVersion.NULL_VERSION;
        UUID dataDir = inline ? null : UUID.randomUUID();
        Map<String, String> metadata = new TreeMap<>(opts.metadata());
        if (opts.storageClass() != StorageClass.STANDARD) {
            metadata.put("x-amz-storage-class", opts.storageClass().name());
        }
        StagedWrite staged = new StagedWrite(this, erasure, inline, dataDir);
        try {
            StagedWrite.Written written = staged.writePart(body, size, 1, writeQuorum(data, parity));
            String md5 = written.md5Hex();
            size = written.size();
            bodyDone.run();
            if (opts.expectedMd5() != null && !opts.expectedMd5().equalsIgnoreCase(md5)) {
                throw new ObjectException(ObjectError.BAD_DIGEST, "Content-MD5 does not match the body");
            }
            if (opts.afterBody() != null) {
                metadata.putAll(opts.afterBody().get());
            }
            metadata.put("etag", md5);
            List<PartInfo> parts = List.of(new PartInfo(1, size, size, md5));
            try (NamespaceLocks.Held ignored = locks.write(bucket, key)) {
                checkCondition(opts.condition(), bucket, key, path);
                ObjectVersion version = new ObjectVersion(versionId, VersionType.OBJECT, nextModTime(), dataDir,
                        size, erasure, parts, new TreeMap<>(metadata), null);
                ObjectInfo info = toInfo(bucket, key, version, true);
                ObservedCommit.version(info, () -> {
                    staged.commit(bucket, path, version, writeQuorum(data, parity));
                    return info;
                });
                if (staged.missedDrives()) {
                    heal.queue(bucket, key, versionIdString(versionId));
                }
                return info;
            }
        } finally {
            staged.cleanup();
        }
    }

    /**
     * Checks a conditional write against the key's current version; the caller holds the key's write lock, so
     * nothing can commit between this check and its own commit.
     */
    void checkCondition(WriteCondition condition, String bucket, String key, String path) {
        if (condition == null) {
            return;
        }
        ObjectInfo current;
        try {
            ResolvedVersion r = resolve(bucket, key, path, null);
            current = toInfo(bucket, key, r.version(), true);
        } catch (ObjectException e) {
            if (e.error() != ObjectError.OBJECT_NOT_FOUND) {
                throw e;
            }
            current = null; // never written, or a delete marker is latest
        }
        condition.check(current);
    }

    // ---- read

    public ObjectInfo getObjectInfo(String bucket, String key, String versionId) {
        String path = pathOf(key);
        try (NamespaceLocks.Held ignored = locks.read(bucket, key)) {
            ResolvedVersion r = resolve(bucket, key, path, parseVersionId(versionId));
            return toInfo(bucket, key, r.version(), r.latest());
        }
    }

    public ObjectStream getObject(String bucket, String key, String versionId, RangeSpec rangeSpec) {
        String path = pathOf(key);
        ResolvedVersion r;
        Runnable leave;
        // the lock orders this read with commits; once the version's data directory is registered as being read,
        // an overwrite defers deleting it, so the stream itself needs no lock (a stalled client blocks no writer)
        try (NamespaceLocks.Held ignored = locks.read(bucket, key)) {
            r = resolve(bucket, key, path, parseVersionId(versionId));
            UUID dataDir = r.version().dataDir();
            leave = dataDir == null ? () -> { } : activeReads.enter(bucket, path, dataDir);
        }
        try {
            ObjectVersion v = r.version();
            ByteRange range = rangeSpec == null ? ByteRange.whole(v.size()) : rangeSpec.resolve(v.size());
            ObjectInfo info = toInfo(bucket, key, v, r.latest());
            InputStream body = new ObjectReadStream(v.parts(), range,
                    (part, partRange) -> openPart(bucket, key, path, r, part, partRange), leave);
            return new ObjectStream(info, range, body);
        } catch (RuntimeException e) {
            leave.run();
            throw e;
        }
    }

    private InputStream openPart(String bucket, String key, String path, ResolvedVersion r, int partIndex,
                                 ByteRange range) {
        ObjectVersion v = r.version();
        ErasureInfo erasure = v.erasure();
        PartInfo part = v.parts().get(partIndex);
        ShardSource[] sources = new ShardSource[erasure.shards()];
        for (int pos = 0; pos < drives.length; pos++) {
            ObjectVersion mine = r.byPosition()[pos];
            if (mine == null || drives[pos] == null) {
                continue;
            }
            Drive d = drives[pos];
            int shard = erasure.shardAt(pos) - 1;
            if (mine.isInline()) {
                byte[] bytes = mine.inlineData();
                sources[shard] = (off, len) -> new ByteArrayInputStream(bytes, (int) off, (int) len);
            } else {
                String file = path + "/" + v.dataDir() + "/part." + part.number();
                sources[shard] = (off, len) -> d.readFileStream(bucket, file, off, len);
            }
        }
        String vid = versionIdString(v.versionId());
        return new PartReader(codec(erasure), erasure, sources, part.size(), range.offset(), range.length(),
                shard -> {
                    if (key != null) {
                        heal.queue(bucket, key, vid);
                    }
                });
    }

    /**
     * The version a quorum of drives agrees on: {@code versionId} null means the latest. Drives that are
     * missing it, stale or disagree are left out (and the key is queued for healing).
     */
    ResolvedVersion resolve(String bucket, String key, String path, UUID versionId) {
        ResolvedVersion r = resolveQuietly(bucket, key, path, versionId, true);
        ObjectVersion v = r.version();
        if (v.isDeleteMarker()) {
            String vid = versionIdString(v.versionId());
            if (versionId == null) {
                throw new ObjectException(ObjectError.OBJECT_NOT_FOUND, bucket + "/" + key + " is deleted", true,
                        vid, null);
            }
            throw new ObjectException(ObjectError.METHOD_NOT_ALLOWED, "version " + vid + " is a delete marker",
                    true, vid, null);
        }
        return r;
    }

    /** Like {@link #resolve} but returns delete markers too. */
    ResolvedVersion resolveQuietly(String bucket, String key, String path, UUID versionId, boolean queueHeal) {
        DriveResults<ObjectMeta> metas = DriveResults.run(onlineDrives(), executor,
                (pos, d) -> d.readMeta(bucket, path));
        VersionQuorum q = VersionQuorum.decide(metas, versionId);
        if (q.winner() == null || q.agreeing() < quorumFor(q.winner())) {
            throw notFoundOrQuorum(bucket, key, versionId, metas, q);
        }
        if (queueHeal && q.agreeing() < drives.length) {
            heal.queue(bucket, key, versionIdString(q.winner().versionId()));
        }
        return new ResolvedVersion(q.winner(), q.byPosition(), q.latest(), q.agreeing());
    }

    int quorumFor(ObjectVersion v) {
        return v.erasure() == null ? defaultReadQuorum() : v.erasure().data();
    }

    private ObjectException notFoundOrQuorum(String bucket, String key, UUID versionId, DriveResults<ObjectMeta> r,
                                             VersionQuorum q) {
        int volumeMissing = r.count(DriveError.VOLUME_NOT_FOUND);
        if (volumeMissing >= defaultReadQuorum()) {
            return new ObjectException(ObjectError.BUCKET_NOT_FOUND, bucket);
        }
        // drives that answered "no such key/version" plus those whose copy is not the one asked for
        int absent = r.count(DriveError.FILE_NOT_FOUND) + q.withoutVersion();
        if (absent >= defaultReadQuorum() || absent > 0 && absent + q.agreeing() == r.size()) {
            return versionId == null ? new ObjectException(ObjectError.OBJECT_NOT_FOUND, bucket + "/" + key)
                    : new ObjectException(ObjectError.VERSION_NOT_FOUND, bucket + "/" + key + " " + versionId);
        }
        return new ObjectException(ObjectError.INSUFFICIENT_READ_QUORUM, bucket + "/" + key + ": drives " + r);
    }

    // ---- delete and metadata

    public DeleteResult deleteObject(String bucket, String key, String versionId, Versioning versioning) {
        String path = pathOf(key);
        try (NamespaceLocks.Held ignored = locks.write(bucket, key)) {
            return versionId != null ? deleteVersion(bucket, key, path, parseVersionId(versionId), versionId)
                    : switch (versioning) {
                        case UNVERSIONED -> deleteVersion(bucket, key, path, ObjectVersion.NULL_VERSION, null);
                        case ENABLED -> addDeleteMarker(bucket, key, path, UUID.randomUUID());
                        case SUSPENDED -> addDeleteMarker(bucket, key, path, ObjectVersion.NULL_VERSION);
                    };
        }
    }

    private DeleteResult addDeleteMarker(String bucket, String key, String path, UUID id) {
        ObjectVersion marker = ObjectVersion.deleteMarker(id, nextModTime(), Map.of());
        DeleteResult result = new DeleteResult(versionIdString(id), true);
        DriveResults<RenameResult> r = ObservedCommit.removal(bucket, key, null, result, () -> {
            DriveResults<RenameResult> written = DriveResults.run(onlineDrives(), executor,
                    (pos, d) -> d.writeVersion(bucket, path, marker));
            Commit.requireWriteQuorum(bucket, written, defaultWriteQuorum(), (pos, res) ->
                    drives[pos].restoreMeta(bucket, path, res.previousMeta()));
            return written;
        });
        Commit.deleteOrphans(drives, bucket, path, r, executor, activeReads);
        return result;
    }

    private DeleteResult deleteVersion(String bucket, String key, String path, UUID id, String requestedVersionId) {
        boolean marker;
        try {
            marker = resolveQuietly(bucket, key, path, id, false).version().isDeleteMarker();
        } catch (ObjectException e) {
            if (e.error() == ObjectError.OBJECT_NOT_FOUND || e.error() == ObjectError.VERSION_NOT_FOUND) {
                // S3: deleting what is absent succeeds, and its event is sent all the same
                DeleteResult absent = new DeleteResult(versionIdString(id), false);
                return ObservedCommit.removal(bucket, key, requestedVersionId, absent, () -> absent);
            }
            throw e;
        }
        DeleteResult result = new DeleteResult(versionIdString(id), marker);
        int gone = ObservedCommit.removal(bucket, key, requestedVersionId, result, () -> {
            DriveResults<Boolean> r = DriveResults.run(onlineDrives(), executor, (pos, d) -> {
                d.deleteVersion(bucket, path, id);
                return true;
            });
            int n = r.successes() + r.count(DriveError.FILE_NOT_FOUND) + r.count(DriveError.VERSION_NOT_FOUND);
            if (n < defaultWriteQuorum()) {
                throw new ObjectException(ObjectError.INSUFFICIENT_WRITE_QUORUM, "delete of " + bucket + "/" + key
                        + " reached " + n + " drives " + r);
            }
            return n;
        });
        if (gone < drives.length) {
            heal.queue(bucket, key, versionIdString(id));
        }
        return result;
    }

    public ObjectInfo updateMetadata(String bucket, String key, String versionId, Map<String, String> given) {
        String path = pathOf(key);
        try (NamespaceLocks.Held ignored = locks.write(bucket, key)) {
            ResolvedVersion r = resolve(bucket, key, path, parseVersionId(versionId));
            // the caller passes metadata as ObjectInfo shows it: the version's ETag, storage class and origin stay
            Map<String, String> metadata = new java.util.TreeMap<>(given);
            for (String system : new String[] {"etag", "x-amz-storage-class", MultipartUploads.UPLOAD_ID_FIELD}) {
                String v = r.version().metadata().get(system);
                if (v != null) {
                    metadata.putIfAbsent(system, v);
                }
            }
            Drive[] targets = new Drive[drives.length];
            for (int i = 0; i < drives.length; i++) {
                targets[i] = r.byPosition()[i] == null ? null : drives[i];
            }
            int quorum = writeQuorum(r.version().erasure().data(), r.version().erasure().parity());
            ObjectInfo info = toInfo(bucket, key, r.version().withMetadata(metadata), r.latest());
            return ObservedCommit.version(info, () -> {
                DriveResults<Boolean> res = DriveResults.run(targets, executor, (pos, d) -> {
                    d.updateMetadata(bucket, path, r.byPosition()[pos].withMetadata(metadata));
                    return true;
                });
                if (res.successes() < quorum) {
                    throw new ObjectException(ObjectError.INSUFFICIENT_WRITE_QUORUM, "metadata update " + res);
                }
                return info;
            });
        }
    }

    // ---- listing

    /** Keys of {@code bucket} starting with {@code prefix}, after {@code after}, in order, as a quorum sees them. */
    java.util.Iterator<KeyEntry> walk(String bucket, String prefix, String after) {
        return SetWalk.walk(onlineDrives(), bucket, prefix, after, defaultReadQuorum());
    }

    // ---- healing

    /** Heals every version of {@code key}; {@code deep} also reads and verifies every shard. */
    public HealResult healObject(String bucket, String key, boolean deep) {
        return new Healer(this).healKey(bucket, key, deep);
    }

    /**
     * Heals the whole set after a drive came back or was replaced: makes every bucket on every online drive,
     * then heals every key any drive knows of.
     */
    void heal(java.util.List<String> buckets, HealProgress progress) {
        for (String bucket : buckets) {
            progress.bucket(bucket);
            DriveResults.run(onlineDrives(), executor, (pos, d) -> {
                try {
                    d.makeVolume(bucket);
                } catch (DriveException e) {
                    if (e.error() != DriveError.VOLUME_EXISTS) {
                        throw e;
                    }
                }
                return true;
            });
            java.util.Iterator<KeyEntry> keys = SetWalk.walk(onlineDrives(), bucket, "", null, 1);
            while (keys.hasNext()) {
                String key = keys.next().key();
                progress.keysScanned.incrementAndGet();
                try {
                    progress.add(healObject(bucket, key, false));
                } catch (RuntimeException e) {
                    progress.failed.incrementAndGet();
                }
            }
        }
        progress.finish(clock.instant());
    }

    // ---- helpers

    static String pathOf(String key) {
        try {
            return KeyPaths.toPath(key);
        } catch (DriveException e) {
            throw new ObjectException(ObjectError.INVALID_OBJECT_NAME, "object name cannot be stored: " + e.getMessage());
        }
    }

    static UUID parseVersionId(String versionId) {
        if (versionId == null) {
            return null;
        }
        if (versionId.equals(ObjectInfo.NULL_VERSION_ID)) {
            return ObjectVersion.NULL_VERSION;
        }
        try {
            return UUID.fromString(versionId);
        } catch (IllegalArgumentException e) {
            throw new ObjectException(ObjectError.VERSION_NOT_FOUND, "no version " + versionId);
        }
    }

    static String versionIdString(UUID id) {
        return ObjectVersion.NULL_VERSION.equals(id) ? ObjectInfo.NULL_VERSION_ID : id.toString();
    }

    static ObjectInfo toInfo(String bucket, String key, ObjectVersion v, boolean latest) {
        Map<String, String> meta = new HashMap<>(v.metadata());
        String etag = meta.remove("etag");
        StorageClass sc = StorageClass.parse(meta.remove("x-amz-storage-class"));
        meta.remove(MultipartUploads.UPLOAD_ID_FIELD);
        long nanos = v.modTime();
        return new ObjectInfo(bucket, key, versionIdString(v.versionId()), latest, v.isDeleteMarker(), v.size(),
                etag == null ? "" : etag, java.time.Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L),
                Map.copyOf(meta), v.parts().stream().map(PartInfo::size).toList(), sc);
    }

    /**
     * One shard writer per shard index, on the drive at the position that holds that shard; only positions in
     * {@code targets} that are online get one. {@code errors} says why a shard has none.
     */
    ShardWriters openWriters(ErasureInfo erasure, boolean inline, String tmpPath, boolean[] targets) {
        ShardWriter[] writers = new ShardWriter[erasure.shards()];
        DriveError[] errors = new DriveError[erasure.shards()];
        Drive[] online = Healer.targets(onlineDrives(), targets);
        DriveResults<ShardWriter> opened = DriveResults.run(online, executor, (pos, d) ->
                inline ? new InlineShardWriter() : d.createFile(Drive.SYSTEM_VOLUME, tmpPath));
        for (int pos = 0; pos < drives.length; pos++) {
            int shard = erasure.shardAt(pos) - 1;
            writers[shard] = opened.ok(pos) ? opened.value(pos) : null;
            errors[shard] = opened.error(pos);
        }
        return new ShardWriters(writers, errors);
    }

    /** Shard writers by shard index, null where a drive could not take one, with the reason. */
    record ShardWriters(ShardWriter[] writers, DriveError[] errors) {
    }
}
