package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.KeyPaths;
import dev.cairn.storage.drive.VolumeInfo;
import dev.cairn.storage.hash.SipHash24;
import dev.cairn.storage.object.BucketInfo;
import dev.cairn.storage.object.CompletePart;
import dev.cairn.storage.object.DeleteOutcome;
import dev.cairn.storage.object.ListPartsResult;
import dev.cairn.storage.object.ListUploadsResult;
import dev.cairn.storage.object.MultipartUpload;
import dev.cairn.storage.object.ObjectToDelete;
import dev.cairn.storage.object.UploadedPart;
import dev.cairn.storage.object.DeleteResult;
import dev.cairn.storage.object.ListOptions;
import dev.cairn.storage.object.ListResult;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectLayer;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.PutOptions;
import dev.cairn.storage.object.RangeSpec;
import dev.cairn.storage.object.Versioning;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * The {@link ObjectLayer} over all erasure sets of a deployment. An object lives in exactly one set, chosen by
 * SipHash-2-4 of its key keyed with the deployment id; buckets exist on every drive of every set.
 */
public final class ErasureSets implements ObjectLayer {

    private final List<ErasureSet> sets;
    private final long k0;
    private final long k1;
    private final Executor executor;

    public ErasureSets(List<ErasureSet> sets, UUID deploymentId, Executor executor) {
        this.sets = List.copyOf(sets);
        this.k0 = deploymentId.getMostSignificantBits();
        this.k1 = deploymentId.getLeastSignificantBits();
        this.executor = executor;
    }

    public List<ErasureSet> sets() {
        return sets;
    }

    /** The set that holds {@code key}. */
    public ErasureSet setFor(String key) {
        if (sets.size() == 1) {
            return sets.get(0);
        }
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        long h = SipHash24.hash(k0, k1, b, 0, b.length);
        return sets.get((int) Long.remainderUnsigned(h, sets.size()));
    }

    // ---- buckets

    @Override
    public void makeBucket(String bucket) {
        if (!BucketNames.isValid(bucket)) {
            throw new ObjectException(ObjectError.INVALID_BUCKET_NAME, bucket);
        }
        List<DriveResults<Boolean>> results = onEverySet(s -> DriveResults.run(s.onlineDrives(), executor,
                (pos, d) -> {
                    d.makeVolume(bucket);
                    return true;
                }));
        for (int i = 0; i < sets.size(); i++) {
            DriveResults<Boolean> r = results.get(i);
            ErasureSet set = sets.get(i);
            if (r.count(DriveError.VOLUME_EXISTS) >= set.defaultWriteQuorum()) {
                throw new ObjectException(ObjectError.BUCKET_EXISTS, bucket);
            }
            if (r.successes() + r.count(DriveError.VOLUME_EXISTS) < set.defaultWriteQuorum()) {
                undoMakeBucket(bucket, results);
                throw new ObjectException(ObjectError.INSUFFICIENT_WRITE_QUORUM, "make bucket " + bucket + " " + r);
            }
        }
    }

    private void undoMakeBucket(String bucket, List<DriveResults<Boolean>> results) {
        for (int i = 0; i < sets.size(); i++) {
            Drive[] drives = sets.get(i).onlineDrives();
            for (int pos = 0; pos < drives.length; pos++) {
                if (results.get(i).ok(pos) && drives[pos] != null) {
                    try {
                        drives[pos].deleteVolume(bucket, false);
                    } catch (RuntimeException ignored) {
                        // an empty directory left behind is harmless and below quorum
                    }
                }
            }
        }
    }

    @Override
    public BucketInfo getBucketInfo(String bucket) {
        Instant created = null;
        for (ErasureSet set : sets) {
            Instant c = bucketCreated(bucket, set);
            created = created == null || c.isBefore(created) ? c : created;
        }
        return new BucketInfo(bucket, created);
    }

    /** The bucket as one set sees it (enough before touching a key that lives in that set). */
    private Instant bucketCreated(String bucket, ErasureSet set) {
        DriveResults<VolumeInfo> r = DriveResults.run(set.onlineDrives(), executor, (pos, d) -> d.statVolume(bucket));
        if (r.successes() < set.defaultReadQuorum()) {
            if (r.count(DriveError.VOLUME_NOT_FOUND) + r.count(DriveError.INVALID_PATH) >= set.defaultReadQuorum()
                    || r.successes() == 0 && r.count(DriveError.DRIVE_OFFLINE) < r.size()) {
                throw new ObjectException(ObjectError.BUCKET_NOT_FOUND, bucket);
            }
            throw new ObjectException(ObjectError.INSUFFICIENT_READ_QUORUM, "bucket " + bucket + " " + r);
        }
        Instant created = null;
        for (int i = 0; i < r.size(); i++) {
            if (r.ok(i)) {
                Instant c = Instant.ofEpochMilli(r.value(i).created());
                created = created == null || c.isBefore(created) ? c : created;
            }
        }
        return created;
    }

    /** Fails with {@link ObjectError#BUCKET_NOT_FOUND} unless the bucket exists in the set holding {@code key}. */
    private ErasureSet setWithBucket(String bucket, String key) {
        ErasureSet set = setFor(key);
        bucketCreated(bucket, set);
        return set;
    }

    @Override
    public List<BucketInfo> listBuckets() {
        Map<String, Integer> votes = new HashMap<>();
        Map<String, Long> created = new HashMap<>();
        int quorum = 0;
        for (ErasureSet set : sets) {
            quorum += set.defaultReadQuorum();
            DriveResults<List<VolumeInfo>> r = DriveResults.run(set.onlineDrives(), executor,
                    (pos, d) -> d.listVolumes());
            for (int i = 0; i < r.size(); i++) {
                if (r.ok(i)) {
                    for (VolumeInfo v : r.value(i)) {
                        votes.merge(v.name(), 1, Integer::sum);
                        created.merge(v.name(), v.created(), Math::min);
                    }
                }
            }
        }
        int need = quorum;
        List<BucketInfo> out = new ArrayList<>();
        votes.forEach((name, n) -> {
            if (n >= need && BucketNames.isValid(name)) {
                out.add(new BucketInfo(name, Instant.ofEpochMilli(created.get(name))));
            }
        });
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    @Override
    public void deleteBucket(String bucket) {
        getBucketInfo(bucket);
        for (ErasureSet set : sets) {
            if (set.walk(bucket, "", null).hasNext()) {
                throw new ObjectException(ObjectError.BUCKET_NOT_EMPTY, bucket);
            }
        }
        // quorum says empty: what is left on single drives is debris of writes that never committed
        for (ErasureSet set : sets) {
            Iterator<KeyEntry> config = set.walk(Drive.SYSTEM_VOLUME, "buckets/" + bucket + "/", null);
            while (config.hasNext()) {
                String key = config.next().key();
                set.deleteObject(Drive.SYSTEM_VOLUME, key, null, Versioning.UNVERSIONED);
            }
        }
        for (ErasureSet set : sets) {
            DriveResults<Boolean> r = DriveResults.run(set.onlineDrives(), executor, (pos, d) -> {
                d.deleteVolume(bucket, true);
                return true;
            });
            if (r.successes() + r.count(DriveError.VOLUME_NOT_FOUND) < set.defaultWriteQuorum()) {
                throw new ObjectException(ObjectError.INSUFFICIENT_WRITE_QUORUM, "delete bucket " + bucket + " " + r);
            }
        }
    }

    private <T> List<T> onEverySet(java.util.function.Function<ErasureSet, T> op) {
        List<T> out = new ArrayList<>(sets.size());
        for (ErasureSet s : sets) {
            out.add(op.apply(s));
        }
        return out;
    }

    // ---- healing

    /**
     * Removes the staging area on every online drive. Run at start only: staged writes of a previous run were
     * never committed (a crash came first), so they can never become visible and are only space.
     */
    public void cleanStaging() {
        for (ErasureSet set : sets) {
            DriveResults.run(set.onlineDrives(), executor, (pos, d) -> {
                d.delete(Drive.SYSTEM_VOLUME, ErasureSet.TMP_DIR, true);
                return true;
            });
        }
    }

    /** Heals set {@code index} (see {@link ErasureSet#heal}); blocks until done, reporting into {@code progress}. */
    public void healSet(int index, HealProgress progress) {
        List<String> buckets = new ArrayList<>();
        buckets.add(Drive.SYSTEM_VOLUME); // bucket configurations and uploads in progress
        listBuckets().forEach(b -> buckets.add(b.name()));
        sets.get(index).heal(buckets, progress);
    }

    public HealResult healObject(String bucket, String key, boolean deep) {
        return setFor(key).healObject(bucket, key, deep);
    }

    // ---- objects

    @Override
    public ObjectInfo putObject(String bucket, String key, InputStream body, long size, PutOptions opts) {
        return setWithBucket(bucket, key).putObject(bucket, key, body, size, opts);
    }

    @Override
    public ObjectInfo getObjectInfo(String bucket, String key, String versionId) {
        return setFor(key).getObjectInfo(bucket, key, versionId);
    }

    @Override
    public ObjectStream getObject(String bucket, String key, String versionId, RangeSpec range) {
        return setFor(key).getObject(bucket, key, versionId, range);
    }

    @Override
    public DeleteResult deleteObject(String bucket, String key, String versionId, Versioning versioning) {
        return setWithBucket(bucket, key).deleteObject(bucket, key, versionId, versioning);
    }

    @Override
    public ObjectInfo updateObjectMetadata(String bucket, String key, String versionId, Map<String, String> metadata) {
        return setFor(key).updateMetadata(bucket, key, versionId, metadata);
    }

    @Override
    public ObjectInfo copyObject(String srcBucket, String srcKey, String srcVersionId, String dstBucket, String dstKey,
                                 PutOptions opts, boolean replaceMetadata) {
        ErasureSet dst = setWithBucket(dstBucket, dstKey);
        ObjectStream src = getObject(srcBucket, srcKey, srcVersionId, null);
        try {
            PutOptions effective = replaceMetadata ? opts : opts.withMetadata(withoutEtag(src.info()));
            return dst.putObject(dstBucket, dstKey, src.body(), src.info().size(), effective,
                    () -> closeQuietly(src));
        } finally {
            closeQuietly(src);
        }
    }

    private static Map<String, String> withoutEtag(ObjectInfo info) {
        Map<String, String> m = new HashMap<>(info.metadata());
        m.remove("etag");
        return m;
    }

    private static void closeQuietly(ObjectStream s) {
        try {
            s.close();
        } catch (java.io.IOException ignored) {
            // a local stream: closing only releases the lock and files
        }
    }

    @Override
    public List<DeleteOutcome> deleteObjects(String bucket, List<ObjectToDelete> objects, Versioning versioning) {
        getBucketInfo(bucket);
        List<DeleteOutcome> out = new ArrayList<>(objects.size());
        for (ObjectToDelete o : objects) {
            try {
                out.add(new DeleteOutcome(o, setFor(o.key()).deleteObject(bucket, o.key(), o.versionId(), versioning),
                        null));
            } catch (ObjectException e) {
                out.add(new DeleteOutcome(o, null, e));
            }
        }
        return out;
    }

    // ---- multipart uploads

    /** Aborts uploads started before {@code cutoff} (clients that never completed or aborted); returns how many. */
    public int abortUploadsOlderThan(Instant cutoff) {
        int n = 0;
        for (ErasureSet s : sets) {
            for (MultipartUpload u : s.multipart().all()) {
                if (u.initiated().isBefore(cutoff)) {
                    try {
                        s.multipart().abort(u.bucket(), u.key(), u.uploadId());
                        n++;
                    } catch (ObjectException e) {
                        // completed or aborted meanwhile, or no quorum now: the next sweep tries again
                    }
                }
            }
        }
        return n;
    }

    @Override
    public MultipartUpload newMultipartUpload(String bucket, String key, PutOptions opts) {
        return setWithBucket(bucket, key).multipart().create(bucket, key, opts);
    }

    @Override
    public UploadedPart putObjectPart(String bucket, String key, String uploadId, int partNumber, InputStream body,
                                      long size, String expectedMd5, java.util.function.Supplier<String> checksum) {
        return setFor(key).multipart().putPart(bucket, key, uploadId, partNumber, body, size, expectedMd5, checksum);
    }

    @Override
    public ListPartsResult listObjectParts(String bucket, String key, String uploadId, int partNumberMarker,
                                           int maxParts) {
        return setFor(key).multipart().listParts(bucket, key, uploadId, partNumberMarker, maxParts);
    }

    @Override
    public ListUploadsResult listMultipartUploads(String bucket, String prefix, String delimiter, String keyMarker,
                                                  String uploadIdMarker, int maxUploads) {
        getBucketInfo(bucket);
        List<MultipartUpload> all = new ArrayList<>();
        for (ErasureSet s : sets) {
            for (MultipartUpload u : s.multipart().all()) {
                if (bucket.equals(u.bucket()) && u.key() != null && u.key().startsWith(prefix == null ? "" : prefix)) {
                    all.add(u);
                }
            }
        }
        return UploadListing.page(all, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
    }

    @Override
    public ObjectInfo completeMultipartUpload(String bucket, String key, String uploadId, List<CompletePart> parts,
                                              Versioning versioning,
                                              dev.cairn.storage.object.UploadCompletion completion) {
        return setWithBucket(bucket, key).multipart().complete(bucket, key, uploadId, parts, versioning, completion);
    }

    @Override
    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        setFor(key).multipart().abort(bucket, key, uploadId);
    }

    // ---- bucket configuration (small erasure-coded objects in the system volume)

    private static String bucketMetaKey(String bucket, String name) {
        return "buckets/" + bucket + "/" + name;
    }

    @Override
    public byte[] getBucketMeta(String bucket, String name) {
        getBucketInfo(bucket);
        String key = bucketMetaKey(bucket, name);
        try (ObjectStream s = setFor(key).getObject(Drive.SYSTEM_VOLUME, key, null, null)) {
            return s.body().readAllBytes();
        } catch (ObjectException e) {
            if (e.error() == ObjectError.OBJECT_NOT_FOUND) {
                return null;
            }
            throw e;
        } catch (java.io.IOException e) {
            throw new ObjectException(ObjectError.INTERNAL, "reading " + key + ": " + e, e);
        }
    }

    @Override
    public void setBucketMeta(String bucket, String name, byte[] content) {
        getBucketInfo(bucket);
        String key = bucketMetaKey(bucket, name);
        if (content == null) {
            setFor(key).deleteObject(Drive.SYSTEM_VOLUME, key, null, Versioning.UNVERSIONED);
        } else {
            setFor(key).putObject(Drive.SYSTEM_VOLUME, key, new java.io.ByteArrayInputStream(content), content.length,
                    PutOptions.defaults());
        }
    }

    @Override
    public ListResult listObjects(String bucket, ListOptions opts) {
        return Listing.objects(bucket, walk(bucket, opts), opts);
    }

    @Override
    public ListResult listObjectVersions(String bucket, ListOptions opts) {
        return Listing.versions(bucket, walk(bucket, opts), opts);
    }

    /** Every key of the bucket under the prefix, from the marker on (inclusive, for version markers). */
    private Iterator<KeyEntry> walk(String bucket, ListOptions opts) {
        getBucketInfo(bucket);
        String after = opts.marker();
        if (after != null && opts.versionMarker() != null) {
            after = before(after);
        }
        if (after != null && KeyPaths.compareKeys(after, opts.prefix()) < 0) {
            after = null;
        }
        List<Iterator<KeyEntry>> perSet = new ArrayList<>();
        for (ErasureSet s : sets) {
            perSet.add(s.walk(bucket, opts.prefix(), after));
        }
        return new MergedWalk<>(perSet, KeyEntry::key, group -> group.get(0));
    }

    /** Continuing a version listing re-reads the marker key itself; walks are exclusive of {@code after}. */
    private static String before(String key) {
        return key.isEmpty() ? null : key.substring(0, key.length() - 1);
    }
}
