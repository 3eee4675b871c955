package dev.cairn.storage.erasure;

import dev.cairn.storage.object.DeleteResult;
import dev.cairn.storage.object.ListOptions;
import dev.cairn.storage.object.ListResult;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.PutOptions;
import dev.cairn.storage.object.StorageClass;
import dev.cairn.storage.object.Versioning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buckets, versions, delete markers and listings over two sets of four drives. */
class ObjectLayerBehaviourTest {

    @TempDir
    Path dir;
    TestSets t;

    @BeforeEach
    void setUp() {
        t = new TestSets(dir, 2, 4, 2, ErasureConfig.defaults(2, 1));
        t.layer.makeBucket("bucket");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private ObjectInfo put(String key, String body, Versioning v) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return t.layer.putObject("bucket", key, new ByteArrayInputStream(b), b.length,
                PutOptions.defaults().withVersioning(v).withMetadata(Map.of("content-type", "text/plain")));
    }

    private String get(String key, String versionId) {
        return new String(t.get("bucket", key, versionId, null), StandardCharsets.UTF_8);
    }

    @Test
    void bucketsAreCreatedListedAndDeletedOnlyWhenEmpty() {
        assertEquals(ObjectError.BUCKET_EXISTS, assertThrows(ObjectException.class,
                () -> t.layer.makeBucket("bucket")).error());
        assertEquals(ObjectError.INVALID_BUCKET_NAME, assertThrows(ObjectException.class,
                () -> t.layer.makeBucket("Bad_Name")).error());
        t.layer.makeBucket("other");
        assertEquals(List.of("bucket", "other"), t.layer.listBuckets().stream().map(b -> b.name()).toList());
        put("k", "v", Versioning.UNVERSIONED);
        assertEquals(ObjectError.BUCKET_NOT_EMPTY, assertThrows(ObjectException.class,
                () -> t.layer.deleteBucket("bucket")).error());
        t.layer.deleteBucket("other");
        assertEquals(ObjectError.BUCKET_NOT_FOUND, assertThrows(ObjectException.class,
                () -> t.layer.getBucketInfo("other")).error());
        assertEquals(ObjectError.BUCKET_NOT_FOUND, assertThrows(ObjectException.class,
                () -> t.layer.putObject("other", "x", new ByteArrayInputStream(new byte[1]), 1,
                        PutOptions.defaults())).error());
    }

    @Test
    void unversionedOverwriteReplacesTheNullVersion() {
        put("k", "one", Versioning.UNVERSIONED);
        ObjectInfo second = put("k", "two", Versioning.UNVERSIONED);
        assertEquals("null", second.versionId());
        assertEquals("two", get("k", null));
        assertEquals(1, t.layer.listObjectVersions("bucket", new ListOptions("", null, null, null, 1000)).objects().size());
        ObjectInfo info = t.layer.getObjectInfo("bucket", "k", null);
        assertEquals("text/plain", info.contentType());
        assertEquals("b8a9f715dbb64fd5c56e7783c6820a61", info.etag());
        t.layer.deleteObject("bucket", "k", null, Versioning.UNVERSIONED);
        assertEquals(ObjectError.OBJECT_NOT_FOUND, assertThrows(ObjectException.class,
                () -> t.layer.getObjectInfo("bucket", "k", null)).error());
    }

    @Test
    void versionsAndDeleteMarkers() {
        ObjectInfo v1 = put("k", "one", Versioning.ENABLED);
        ObjectInfo v2 = put("k", "two", Versioning.ENABLED);
        assertEquals("two", get("k", null));
        assertEquals("one", get("k", v1.versionId()));
        DeleteResult marker = t.layer.deleteObject("bucket", "k", null, Versioning.ENABLED);
        assertTrue(marker.deleteMarker());
        ObjectException gone = assertThrows(ObjectException.class, () -> t.layer.getObjectInfo("bucket", "k", null));
        assertEquals(ObjectError.OBJECT_NOT_FOUND, gone.error());
        assertTrue(gone.deleteMarker());
        assertEquals(ObjectError.METHOD_NOT_ALLOWED, assertThrows(ObjectException.class,
                () -> t.layer.getObjectInfo("bucket", "k", marker.versionId())).error());
        ListResult versions = t.layer.listObjectVersions("bucket", new ListOptions("", null, null, null, 1000));
        assertEquals(List.of(marker.versionId(), v2.versionId(), v1.versionId()),
                versions.objects().stream().map(ObjectInfo::versionId).toList());
        assertTrue(versions.objects().get(0).latest() && versions.objects().get(0).deleteMarker());
        assertTrue(t.layer.listObjects("bucket", new ListOptions("", null, null, null, 1000)).objects().isEmpty());
        // removing the marker brings the object back
        t.layer.deleteObject("bucket", "k", marker.versionId(), Versioning.ENABLED);
        assertEquals("two", get("k", null));
        t.layer.deleteObject("bucket", "k", v2.versionId(), Versioning.ENABLED);
        assertEquals("one", get("k", null));
        assertTrue(t.layer.getObjectInfo("bucket", "k", v1.versionId()).latest());
    }

    @Test
    void suspendedVersioningReplacesOnlyTheNullVersion() {
        ObjectInfo kept = put("k", "versioned", Versioning.ENABLED);
        put("k", "null one", Versioning.SUSPENDED);
        put("k", "null two", Versioning.SUSPENDED);
        List<String> ids = t.layer.listObjectVersions("bucket", new ListOptions("", null, null, null, 1000))
                .objects().stream().map(ObjectInfo::versionId).toList();
        assertEquals(List.of("null", kept.versionId()), ids);
        assertEquals("null two", get("k", "null"));
        DeleteResult marker = t.layer.deleteObject("bucket", "k", null, Versioning.SUSPENDED);
        assertEquals("null", marker.versionId());
        assertEquals("versioned", get("k", kept.versionId()));
    }

    @Test
    void listingWithPrefixDelimiterMarkerAndMaxKeysAcrossSets() {
        List<String> keys = List.of("a", "a-b", "a/", "a/1", "a/2/x", "b/1", "b/2", "c", "d/e/f");
        for (String k : keys) {
            put(k, k, Versioning.UNVERSIONED);
        }
        assertEquals(keys, names(t.layer.listObjects("bucket", new ListOptions("", null, null, null, 1000))));
        ListResult top = t.layer.listObjects("bucket", new ListOptions("", "/", null, null, 1000));
        assertEquals(List.of("a", "a-b", "c"), names(top));
        assertEquals(List.of("a/", "b/", "d/"), top.commonPrefixes());
        ListResult underA = t.layer.listObjects("bucket", new ListOptions("a/", "/", null, null, 1000));
        assertEquals(List.of("a/", "a/1"), names(underA));
        assertEquals(List.of("a/2/"), underA.commonPrefixes());
        // pages of two, continuing from each page's marker, give everything once
        List<String> seen = new ArrayList<>();
        String marker = null;
        ListResult page;
        do {
            page = t.layer.listObjects("bucket", new ListOptions("", "/", marker, null, 2));
            seen.addAll(names(page));
            seen.addAll(page.commonPrefixes());
            marker = page.nextKeyMarker();
        } while (page.truncated());
        assertEquals(List.of("a", "a-b", "a/", "b/", "c", "d/"), seen);
        ListResult after = t.layer.listObjects("bucket", new ListOptions("", null, "b/1", null, 1000));
        assertEquals(List.of("b/2", "c", "d/e/f"), names(after));
        assertFalse(after.truncated());
        assertNull(after.nextKeyMarker());
    }

    @Test
    void versionListingPagesThroughVersionsOfOneKey() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, put("k", "v" + i, Versioning.ENABLED).versionId());
        }
        put("l", "x", Versioning.ENABLED);
        List<String> seen = new ArrayList<>();
        String keyMarker = null;
        String versionMarker = null;
        ListResult page;
        do {
            page = t.layer.listObjectVersions("bucket", new ListOptions("", null, keyMarker, versionMarker, 2));
            page.objects().forEach(o -> seen.add(o.key() + ":" + o.versionId()));
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionMarker();
        } while (page.truncated());
        assertEquals(6, seen.size(), seen.toString());
        assertEquals(ids.stream().map(i -> "k:" + i).toList(), seen.subList(0, 5));
    }

    @Test
    void anOverwriteNeitherWaitsForNorBreaksAReadInProgress() throws Exception {
        byte[] old = TestSets.random(1, 3 << 20);
        byte[] replacement = TestSets.random(2, 2 << 20);
        t.layer.putObject("bucket", "k", new ByteArrayInputStream(old), old.length, PutOptions.defaults());
        try (var reading = t.layer.getObject("bucket", "k", null, null)) {
            byte[] first = reading.body().readNBytes(1000);
            long start = System.nanoTime();
            t.layer.putObject("bucket", "k", new ByteArrayInputStream(replacement), replacement.length,
                    PutOptions.defaults());
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "the overwrite waited for the reader");
            byte[] rest = reading.body().readAllBytes();
            assertArrayEquals(old, java.nio.ByteBuffer.allocate(old.length).put(first).put(rest).array(),
                    "the read in progress still sees the version it started on");
        }
        assertArrayEquals(replacement, t.get("bucket", "k"));
        long dataDirs = 0;
        for (Path root : t.roots) {
            Path key = root.resolve("bucket/k");
            if (java.nio.file.Files.exists(key)) {
                try (var s = java.nio.file.Files.list(key)) {
                    dataDirs += s.filter(java.nio.file.Files::isDirectory).count();
                }
            }
        }
        assertEquals(4, dataDirs, "once the reader closed, only the new version's data directory is left per drive");
    }

    @Test
    void aBodyOfUnknownSizeIsReadToItsEnd() {
        for (int size : new int[] {0, 10, 5 * (1 << 20) / 2, 2 << 20}) {
            byte[] data = TestSets.random(size, size);
            ObjectInfo info = t.layer.putObject("bucket", "unknown-" + size, new ByteArrayInputStream(data), -1,
                    PutOptions.defaults());
            assertEquals(size, info.size());
            assertArrayEquals(data, t.get("bucket", "unknown-" + size));
        }
    }

    @Test
    void invalidKeysAreRefused() {
        for (String bad : List.of("../x", "a//b", "a/./b", "cairn.meta")) {
            assertEquals(ObjectError.INVALID_OBJECT_NAME, assertThrows(ObjectException.class,
                    () -> put(bad, "x", Versioning.UNVERSIONED)).error(), bad);
        }
    }

    @Test
    void metadataUpdateKeepsTheDataEtagAndStorageClass() {
        byte[] body = "body".getBytes(StandardCharsets.UTF_8);
        t.layer.putObject("bucket", "k", new ByteArrayInputStream(body), body.length,
                new PutOptions(Versioning.UNVERSIONED, Map.of(), StorageClass.REDUCED_REDUNDANCY, null));
        ObjectInfo before = t.layer.getObjectInfo("bucket", "k", null);
        t.layer.updateObjectMetadata("bucket", "k", null, Map.of("content-type", "image/png"));
        ObjectInfo after = t.layer.getObjectInfo("bucket", "k", null);
        assertEquals("image/png", after.contentType());
        assertEquals(before.etag(), after.etag());
        assertEquals(StorageClass.REDUCED_REDUNDANCY, after.storageClass());
        assertArrayEquals("body".getBytes(StandardCharsets.UTF_8), t.get("bucket", "k"));
    }

    private static List<String> names(ListResult r) {
        return r.objects().stream().map(ObjectInfo::key).toList();
    }
    /** The condition If-None-Match: * becomes at the commit. */
    private static final dev.cairn.storage.object.WriteCondition ABSENT = current -> {
        if (current != null) {
            throw new ObjectException(ObjectError.PRECONDITION_FAILED, "exists");
        }
    };

    @Test
    void ofConditionalCreatesRacingForOneKeyExactlyOneCommits() throws Exception {
        int racers = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
        List<String> won = java.util.Collections.synchronizedList(new ArrayList<>());
        List<ObjectError> lost = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(racers)) {
            List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String body = "racer " + i;
                fs.add(pool.submit(() -> {
                    byte[] b = body.getBytes(StandardCharsets.UTF_8);
                    start.await();
                    try {
                        t.layer.putObject("bucket", "contested", new ByteArrayInputStream(b), b.length,
                                PutOptions.defaults().withCondition(ABSENT));
                        won.add(body);
                    } catch (ObjectException e) {
                        lost.add(e.error());
                    }
                    return null;
                }));
            }
            for (var f : fs) {
                f.get();
            }
        }
        assertEquals(1, won.size(), "exactly one create wins: " + won);
        assertEquals(java.util.Collections.nCopies(racers - 1, ObjectError.PRECONDITION_FAILED), lost);
        assertEquals(won.getFirst(), get("contested", null));
    }

    @Test
    void aFailedConditionAtTheCommitChangesNothingAndLeavesAnUploadCompletable() throws Exception {
        ObjectInfo first = put("k", "first", Versioning.UNVERSIONED);
        byte[] b = "second".getBytes(StandardCharsets.UTF_8);
        ObjectException e = assertThrows(ObjectException.class, () -> t.layer.putObject("bucket", "k",
                new ByteArrayInputStream(b), b.length, PutOptions.defaults().withCondition(ABSENT)));
        assertEquals(ObjectError.PRECONDITION_FAILED, e.error());
        assertEquals("first", get("k", null));
        assertEquals(first.etag(), t.layer.getObjectInfo("bucket", "k", null).etag());

        var upload = t.layer.newMultipartUpload("bucket", "k", PutOptions.defaults());
        var part = t.layer.putObjectPart("bucket", "k", upload.uploadId(), 1,
                new ByteArrayInputStream(b), b.length, null);
        List<dev.cairn.storage.object.CompletePart> parts = List.of(
                new dev.cairn.storage.object.CompletePart(1, part.etag()));
        dev.cairn.storage.object.UploadCompletion none = (meta, chosen) -> Map.of();
        e = assertThrows(ObjectException.class, () -> t.layer.completeMultipartUpload("bucket", "k",
                upload.uploadId(), parts, Versioning.UNVERSIONED, none.onlyIf(ABSENT)));
        assertEquals(ObjectError.PRECONDITION_FAILED, e.error());
        assertEquals("first", get("k", null));
        t.layer.completeMultipartUpload("bucket", "k", upload.uploadId(), parts, Versioning.UNVERSIONED, none);
        assertEquals("second", get("k", null));
    }
}
