package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.RenameResult;
import dev.cairn.storage.meta.ErasureInfo;
import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;
import dev.cairn.storage.meta.PartInfo;
import dev.cairn.storage.meta.VersionType;
import dev.cairn.storage.object.CompletePart;
import dev.cairn.storage.object.ListPartsResult;
import dev.cairn.storage.object.MultipartUpload;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.PutOptions;
import dev.cairn.storage.object.StorageClass;
import dev.cairn.storage.object.UploadedPart;
import dev.cairn.storage.object.Versioning;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Multipart uploads of one set. An upload lives in the system volume at
 * {@code multipart/<sha256(bucket/key)>/<uploadId>/}: its {@code cairn.meta} holds one version describing the
 * upload (id = upload id, the erasure geometry, the object's future metadata, a data directory), and that data
 * directory collects {@code part.N} shards with a {@code part.N.meta} record each. Completing moves the data
 * directory into the key with {@link Drive#renameData}, exactly like a single-part commit.
 */
final class MultipartUploads {
    static final long MIN_PART_SIZE = 5L << 20;
    static final int MAX_PART_NUMBER = 10_000;
    private static final String BUCKET_FIELD = MultipartUpload.UPLOAD_ONLY_PREFIX + "bucket";
    private static final String KEY_FIELD = MultipartUpload.UPLOAD_ONLY_PREFIX + "key";
    /**
     * The upload a completed version came from, kept in its metadata (and out of ObjectInfo) so that completing the
     * same upload again answers that version, as S3 does, instead of NoSuchUpload.
     */
    static final String UPLOAD_ID_FIELD = "x-cairn-upload-id";

    private final ErasureSet set;

    MultipartUploads(ErasureSet set) {
        this.set = set;
    }

    static String uploadDir(String bucket, String key, String uploadId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((bucket + "/" + key).getBytes(StandardCharsets.UTF_8));
            return "multipart/" + HexFormat.of().formatHex(h) + "/" + uploadId;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    MultipartUpload create(String bucket, String key, PutOptions opts) {
        ErasureSet.pathOf(key);
        int parity = set.parityForWrite(opts.storageClass());
        ErasureInfo erasure = new ErasureInfo(set.size() - parity, parity, set.blockSize(), 0,
                Placement.distribution(bucket, key, set.size()));
        UUID uploadId = UUID.randomUUID();
        Map<String, String> meta = new TreeMap<>(opts.metadata());
        meta.put(BUCKET_FIELD, bucket);
        meta.put(KEY_FIELD, key);
        if (opts.storageClass() != StorageClass.STANDARD) {
            meta.put("x-amz-storage-class", opts.storageClass().name());
        }
        ObjectVersion upload = new ObjectVersion(uploadId, VersionType.OBJECT, set.nextModTime(), UUID.randomUUID(), 0,
                erasure, List.of(), new TreeMap<>(meta), null);
        String dir = uploadDir(bucket, key, uploadId.toString());
        DriveResults<RenameResult> r = DriveResults.run(set.onlineDrives(), set.executor(), (pos, d) ->
                d.writeVersion(Drive.SYSTEM_VOLUME, dir, upload.withErasureIndex(erasure.shardAt(pos), null)));
        Commit.requireWriteQuorum(Drive.SYSTEM_VOLUME, r, ErasureSet.writeQuorum(erasure.data(), erasure.parity()),
                (pos, res) -> set.drive(pos).delete(Drive.SYSTEM_VOLUME, dir, true));
        return toUpload(upload);
    }

    /** The upload as a quorum of drives records it, or {@link ObjectError#NO_SUCH_UPLOAD}. */
    ResolvedVersion load(String bucket, String key, String uploadId) {
        UUID id;
        try {
            id = UUID.fromString(uploadId);
        } catch (IllegalArgumentException e) {
            throw new ObjectException(ObjectError.NO_SUCH_UPLOAD, uploadId);
        }
        String dir = uploadDir(bucket, key, uploadId);
        DriveResults<ObjectMeta> metas = DriveResults.run(set.onlineDrives(), set.executor(),
                (pos, d) -> d.readMeta(Drive.SYSTEM_VOLUME, dir));
        VersionQuorum q = VersionQuorum.decide(metas, id);
        if (q.winner() == null || q.agreeing() < q.winner().erasure().data()
                || !key.equals(q.winner().metadata().get(KEY_FIELD))
                || !bucket.equals(q.winner().metadata().get(BUCKET_FIELD))) {
            if (q.winner() != null && q.agreeing() < q.winner().erasure().data() && metas.successes() < set.defaultReadQuorum()) {
                throw new ObjectException(ObjectError.INSUFFICIENT_READ_QUORUM, "upload " + uploadId);
            }
            throw new ObjectException(ObjectError.NO_SUCH_UPLOAD, uploadId);
        }
        return new ResolvedVersion(q.winner(), q.byPosition(), true, q.agreeing());
    }

    UploadedPart putPart(String bucket, String key, String uploadId, int partNumber, InputStream body, long size,
                         String expectedMd5, java.util.function.Supplier<String> checksum) {
        if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
            throw new ObjectException(ObjectError.INVALID_PART, "part number " + partNumber + " not in 1..10000");
        }
        ResolvedVersion upload = load(bucket, key, uploadId);
        ObjectVersion u = upload.version();
        ErasureInfo erasure = u.erasure();
        int quorum = ErasureSet.writeQuorum(erasure.data(), erasure.parity());
        StagedWrite staged = new StagedWrite(set, erasure, false, u.dataDir());
        try {
            StagedWrite.Written written = staged.writePart(body, size, partNumber, quorum);
            String md5 = written.md5Hex();
            if (expectedMd5 != null && !expectedMd5.equalsIgnoreCase(md5)) {
                throw new ObjectException(ObjectError.BAD_DIGEST, "Content-MD5 does not match the part");
            }
            // the size read, which a body of unknown length (size -1) only tells at its end
            PartRecord record = new PartRecord(partNumber, written.size(), md5, set.nextModTime(), checksum.get());
            String dir = uploadDir(bucket, key, uploadId);
            String partPath = dir + "/" + u.dataDir() + "/part." + partNumber;
            try (NamespaceLocks.Held ignored = set.locks().write(Drive.SYSTEM_VOLUME, dir)) {
                load(bucket, key, uploadId); // not aborted or completed meanwhile
                Drive[] targets = Healer.targets(set.onlineDrives(), staged.alive());
                DriveResults<Boolean> r = DriveResults.run(targets, set.executor(), (pos, d) -> {
                    d.renameFile(Drive.SYSTEM_VOLUME, staged.stagedPart(partNumber), Drive.SYSTEM_VOLUME, partPath);
                    d.writeAll(Drive.SYSTEM_VOLUME, partPath + ".meta", record.encode());
                    return true;
                });
                if (r.successes() < quorum) {
                    throw new ObjectException(ObjectError.INSUFFICIENT_WRITE_QUORUM, "part " + partNumber + " " + r);
                }
            }
            return new UploadedPart(partNumber, md5, record.size(), instant(record.modTime()), record.checksum());
        } finally {
            staged.cleanup();
        }
    }

    /** Every part a quorum of drives has committed, by part number. */
    TreeMap<Integer, PartRecord> parts(String bucket, String key, String uploadId, ResolvedVersion upload) {
        String dataDir = uploadDir(bucket, key, uploadId) + "/" + upload.version().dataDir();
        DriveResults<List<String>> names = DriveResults.run(set.onlineDrives(), set.executor(),
                (pos, d) -> d.listDir(Drive.SYSTEM_VOLUME, dataDir));
        TreeSet<Integer> numbers = new TreeSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.ok(i)) {
                for (String n : names.value(i)) {
                    if (n.startsWith("part.") && n.endsWith(".meta")) {
                        numbers.add(Integer.parseInt(n.substring(5, n.length() - 5)));
                    }
                }
            }
        }
        TreeMap<Integer, PartRecord> out = new TreeMap<>();
        int quorum = upload.version().erasure().data();
        for (int number : numbers) {
            DriveResults<byte[]> recs = DriveResults.run(set.onlineDrives(), set.executor(),
                    (pos, d) -> d.readAll(Drive.SYSTEM_VOLUME, dataDir + "/part." + number + ".meta"));
            Map<String, Integer> votes = new HashMap<>();
            Map<String, byte[]> bytes = new HashMap<>();
            for (int i = 0; i < recs.size(); i++) {
                if (recs.ok(i)) {
                    String k = Arrays.toString(recs.value(i));
                    votes.merge(k, 1, Integer::sum);
                    bytes.put(k, recs.value(i));
                }
            }
            votes.forEach((k, n) -> {
                if (n >= quorum) {
                    out.put(number, PartRecord.decode(bytes.get(k)));
                }
            });
        }
        return out;
    }

    ListPartsResult listParts(String bucket, String key, String uploadId, int marker, int maxParts) {
        ResolvedVersion upload = load(bucket, key, uploadId);
        List<UploadedPart> page = new ArrayList<>();
        boolean truncated = false;
        int next = 0;
        for (PartRecord p : parts(bucket, key, uploadId, upload).tailMap(marker, false).values()) {
            if (page.size() >= maxParts) {
                truncated = true;
                break;
            }
            page.add(new UploadedPart(p.number(), p.etag(), p.size(), instant(p.modTime()), p.checksum()));
            next = p.number();
        }
        return new ListPartsResult(toUpload(upload.version()), page, truncated, truncated ? next : 0);
    }

    ObjectInfo complete(String bucket, String key, String uploadId, List<CompletePart> wanted, Versioning versioning,
                        dev.cairn.storage.object.UploadCompletion completion) {
        String path = ErasureSet.pathOf(key);
        String dir = uploadDir(bucket, key, uploadId);
        try (NamespaceLocks.Held ignored = set.locks().write(Drive.SYSTEM_VOLUME, dir)) {
            ResolvedVersion upload;
            try {
                upload = load(bucket, key, uploadId);
            } catch (ObjectException e) {
                ObjectInfo done = e.error() == ObjectError.NO_SUCH_UPLOAD ? completedAs(bucket, key, uploadId) : null;
                if (done != null) {
                    return done;
                }
                throw e;
            }
            ObjectVersion u = upload.version();
            TreeMap<Integer, PartRecord> stored = parts(bucket, key, uploadId, upload);
            List<PartInfo> parts = choose(wanted, stored);
            long size = parts.stream().mapToLong(PartInfo::size).sum();
            Map<String, String> meta = new TreeMap<>(u.metadata());
            meta.keySet().removeIf(name -> name.startsWith(MultipartUpload.UPLOAD_ONLY_PREFIX));
            List<UploadedPart> chosen = new ArrayList<>(parts.size());
            for (PartInfo p : parts) {
                PartRecord r = stored.get(p.number());
                chosen.add(new UploadedPart(r.number(), r.etag(), r.size(), instant(r.modTime()), r.checksum()));
            }
            meta.putAll(completion.metadata(Map.copyOf(meta), chosen));
            meta.put("etag", multipartEtag(parts));
            meta.put(UPLOAD_ID_FIELD, uploadId);
            UUID versionId = versioning == Versioning.ENABLED ? UUID.randomUUID() : ObjectVersion.NULL_VERSION;
            ErasureInfo erasure = u.erasure();
            try (NamespaceLocks.Held key2 = set.locks().write(bucket, key)) {
                set.checkCondition(completion.condition(), bucket, key, path);
                ObjectVersion version = new ObjectVersion(versionId, VersionType.OBJECT, set.nextModTime(), u.dataDir(),
                        size, erasure, parts, new TreeMap<>(meta), null);
                Drive[] targets = set.onlineDrives();
                ObjectInfo info = ErasureSet.toInfo(bucket, key, version, true);
                DriveResults<RenameResult> r = ObservedCommit.version(info, () -> {
                    DriveResults<RenameResult> renamed = DriveResults.run(targets, set.executor(), (pos, d) ->
                            d.renameData(Drive.SYSTEM_VOLUME, dir, version.withErasureIndex(erasure.shardAt(pos), null),
                                    bucket, path));
                    Commit.requireWriteQuorum(bucket, renamed, ErasureSet.writeQuorum(erasure.data(), erasure.parity()),
                            (pos, res) -> {
                                targets[pos].restoreMeta(bucket, path, res.previousMeta());
                                targets[pos].renameFile(bucket, path + "/" + u.dataDir(), Drive.SYSTEM_VOLUME,
                                        dir + "/" + u.dataDir());
                            });
                    return renamed;
                });
                Commit.deleteOrphans(targets, bucket, path, r, set.executor(), set.activeReads());
                removeLeftovers(targets, r, bucket, path + "/" + u.dataDir(), parts, dir);
                if (r.successes() < set.size()) {
                    set.healScheduler().queue(bucket, key, ErasureSet.versionIdString(versionId));
                }
                return info;
            }
        }
    }

    /** The key's current version when upload {@code uploadId} made it, else null. */
    private ObjectInfo completedAs(String bucket, String key, String uploadId) {
        try (NamespaceLocks.Held ignored = set.locks().read(bucket, key)) {
            ResolvedVersion latest = set.resolve(bucket, key, ErasureSet.pathOf(key), null);
            return uploadId.equals(latest.version().metadata().get(UPLOAD_ID_FIELD))
                    ? ErasureSet.toInfo(bucket, key, latest.version(), true) : null;
        } catch (ObjectException e) {
            return null; // no current version (or none readable): the upload is simply unknown
        }
    }

    /**
     * Checks the requested parts against the stored ones and returns them as the object's parts. As S3 does, the
     * order is checked first, then that each part exists with that ETag, then the sizes.
     */
    private static List<PartInfo> choose(List<CompletePart> wanted, TreeMap<Integer, PartRecord> stored) {
        if (wanted.isEmpty()) {
            throw new ObjectException(ObjectError.INVALID_PART, "no parts given");
        }
        for (int i = 1; i < wanted.size(); i++) {
            if (wanted.get(i).partNumber() <= wanted.get(i - 1).partNumber()) {
                throw new ObjectException(ObjectError.INVALID_PART_ORDER, "part " + wanted.get(i).partNumber()
                        + " after " + wanted.get(i - 1).partNumber());
            }
        }
        List<PartInfo> out = new ArrayList<>();
        for (CompletePart w : wanted) {
            PartRecord p = stored.get(w.partNumber());
            String etag = w.etag() == null ? "" : w.etag().replace("\"", "");
            if (p == null || !p.etag().equalsIgnoreCase(etag)) {
                throw new ObjectException(ObjectError.INVALID_PART, "part " + w.partNumber()
                        + (p == null ? " was not uploaded" : " has another ETag"));
            }
            out.add(new PartInfo(p.number(), p.size(), p.size(), p.etag()));
        }
        for (int i = 0; i < out.size() - 1; i++) {
            if (out.get(i).size() < MIN_PART_SIZE) {
                throw new ObjectException(ObjectError.ENTITY_TOO_SMALL, "part " + out.get(i).number() + " is "
                        + out.get(i).size() + " bytes; all but the last must be at least 5 MiB");
            }
        }
        return out;
    }

    static String multipartEtag(List<PartInfo> parts) {
        MessageDigest md5 = ErasureEncoder.md5();
        for (PartInfo p : parts) {
            md5.update(HexFormat.of().parseHex(p.etag()));
        }
        return HexFormat.of().formatHex(md5.digest()) + "-" + parts.size();
    }

    /** After a completed upload: drop part records and unused parts from the object's data dir, and the upload. */
    private void removeLeftovers(Drive[] targets, DriveResults<RenameResult> r, String bucket, String dataDir,
                                 List<PartInfo> parts, String uploadDir) {
        TreeSet<String> keep = new TreeSet<>();
        parts.forEach(p -> keep.add("part." + p.number()));
        DriveResults.run(set.onlineDrives(), set.executor(), (pos, d) -> {
            if (r.ok(pos)) {
                for (String name : d.listDir(bucket, dataDir)) {
                    if (!keep.contains(name)) {
                        d.delete(bucket, dataDir + "/" + name, true);
                    }
                }
            }
            d.delete(Drive.SYSTEM_VOLUME, uploadDir, true);
            return true;
        });
    }

    void abort(String bucket, String key, String uploadId) {
        String dir = uploadDir(bucket, key, uploadId);
        try (NamespaceLocks.Held ignored = set.locks().write(Drive.SYSTEM_VOLUME, dir)) {
            load(bucket, key, uploadId);
            DriveResults<Boolean> r = DriveResults.run(set.onlineDrives(), set.executor(), (pos, d) -> {
                d.delete(Drive.SYSTEM_VOLUME, dir, true);
                return true;
            });
            if (r.successes() < set.defaultWriteQuorum()) {
                throw new ObjectException(ObjectError.INSUFFICIENT_WRITE_QUORUM, "abort " + uploadId + " " + r);
            }
        }
    }

    /** Every upload in this set, as a quorum of drives sees it. */
    List<MultipartUpload> all() {
        List<MultipartUpload> out = new ArrayList<>();
        var it = SetWalk.walk(set.onlineDrives(), Drive.SYSTEM_VOLUME, "multipart/", null, set.defaultReadQuorum());
        while (it.hasNext()) {
            it.next().meta().latest().ifPresent(v -> out.add(toUpload(v)));
        }
        return out;
    }

    static MultipartUpload toUpload(ObjectVersion v) {
        Map<String, String> meta = new TreeMap<>(v.metadata());
        String bucket = meta.remove(BUCKET_FIELD);
        String key = meta.remove(KEY_FIELD);
        StorageClass sc = StorageClass.parse(meta.remove("x-amz-storage-class"));
        return new MultipartUpload(bucket, key, v.versionId().toString(), instant(v.modTime()), sc, Map.copyOf(meta));
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }
}
