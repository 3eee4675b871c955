package dev.cairn.storage.erasure;

import dev.cairn.storage.erasure.FaultyDrive.Fault;
import dev.cairn.storage.object.CompletePart;
import dev.cairn.storage.object.DeleteOutcome;
import dev.cairn.storage.object.ListUploadsResult;
import dev.cairn.storage.object.MultipartUpload;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectToDelete;
import dev.cairn.storage.object.PutOptions;
import dev.cairn.storage.object.RangeSpec;
import dev.cairn.storage.object.UploadedPart;
import dev.cairn.storage.object.Versioning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Multipart uploads, copies, batch deletes and bucket configuration over two sets of four drives. */
class MultipartAndCopyTest {

    static final int MIB = 1 << 20;

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

    private UploadedPart part(MultipartUpload u, int n, byte[] data) {
        return t.layer.putObjectPart("bucket", u.key(), u.uploadId(), n, new ByteArrayInputStream(data), data.length,
                null);
    }

    @Test
    void partsUploadedConcurrentlyAllSurvive() throws Exception {
        // clients upload parts in parallel: one part's staging cleanup must never touch another's shards
        MultipartUpload u = t.layer.newMultipartUpload("bucket", "parallel", PutOptions.defaults());
        int parts = 8;
        byte[][] data = new byte[parts][];
        List<java.util.concurrent.Future<UploadedPart>> uploads = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < parts; i++) {
                data[i] = TestSets.random(100 + i, i == parts - 1 ? 1000 : 5 * MIB);
                int n = i + 1;
                uploads.add(pool.submit(() -> part(u, n, data[n - 1])));
            }
        }
        List<CompletePart> complete = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < parts; i++) {
            complete.add(new CompletePart(i + 1, uploads.get(i).get().etag()));
            all.write(data[i]);
        }
        t.layer.completeMultipartUpload("bucket", "parallel", u.uploadId(), complete, Versioning.UNVERSIONED);
        try (var in = t.layer.getObject("bucket", "parallel", null, null).body()) {
            assertArrayEquals(all.toByteArray(), in.readAllBytes());
        }
    }

    @Test
    void partsAssembleInOrderWithTheMultipartEtagAndRangesAcrossParts() throws Exception {
        MultipartUpload u = t.layer.newMultipartUpload("bucket", "big/file",
                PutOptions.defaults().withMetadata(Map.of("content-type", "video/mp4", "x-amz-meta-a", "b")));
        byte[] p1 = TestSets.random(1, 5 * MIB);
        byte[] p2 = TestSets.random(2, 5 * MIB + 123);
        byte[] p3 = TestSets.random(3, 777);
        UploadedPart e3 = part(u, 3, p3);
        UploadedPart e1 = part(u, 1, TestSets.random(9, 5 * MIB)); // replaced below
        e1 = part(u, 1, p1);
        UploadedPart e2 = part(u, 2, p2);
        part(u, 7, TestSets.random(7, 100)); // uploaded, never used
        var listed = t.layer.listObjectParts("bucket", "big/file", u.uploadId(), 0, 2);
        assertEquals(List.of(1, 2), listed.parts().stream().map(UploadedPart::partNumber).toList());
        assertTrue(listed.truncated());
        var rest = t.layer.listObjectParts("bucket", "big/file", u.uploadId(), listed.nextPartNumberMarker(), 10);
        assertEquals(List.of(3, 7), rest.parts().stream().map(UploadedPart::partNumber).toList());

        ObjectInfo info = t.layer.completeMultipartUpload("bucket", "big/file", u.uploadId(), List.of(
                new CompletePart(1, "\"" + e1.etag() + "\""), new CompletePart(2, e2.etag()),
                new CompletePart(3, e3.etag())), Versioning.UNVERSIONED);
        assertTrue(info.etag().endsWith("-3"), info.etag());
        assertEquals(MultipartUploads.multipartEtag(List.of(
                new dev.cairn.storage.meta.PartInfo(1, 0, 0, e1.etag()), new dev.cairn.storage.meta.PartInfo(2, 0, 0, e2.etag()),
                new dev.cairn.storage.meta.PartInfo(3, 0, 0, e3.etag()))), info.etag());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(p1);
        all.write(p2);
        all.write(p3);
        byte[] expected = all.toByteArray();
        assertArrayEquals(expected, t.get("bucket", "big/file"));
        ObjectInfo head = t.layer.getObjectInfo("bucket", "big/file", null);
        assertEquals(3, head.partCount());
        assertEquals("video/mp4", head.contentType());
        assertEquals("b", head.metadata().get("x-amz-meta-a"));
        assertArrayEquals(Arrays.copyOfRange(expected, 5 * MIB - 10, 10 * MIB + 200),
                t.get("bucket", "big/file", null, new RangeSpec((long) 5 * MIB - 10, (long) 10 * MIB + 199)));
        t.drives.get(0).set(Fault.OFFLINE);
        t.drives.get(5).set(Fault.OFFLINE);
        assertArrayEquals(expected, t.get("bucket", "big/file"));
        assertEquals(ObjectError.NO_SUCH_UPLOAD, assertThrows(ObjectException.class,
                () -> t.layer.listObjectParts("bucket", "big/file", u.uploadId(), 0, 10)).error());
        for (Path root : t.roots) {
            try (var files = Files.walk(root)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().matches("part\\.\\d+\\.meta")
                        || p.getFileName().toString().equals("part.7")), "leftovers on " + root);
            }
        }
    }

    @Test
    void completingTheSameUploadAgainAnswersTheVersionItMade() {
        MultipartUpload u = t.layer.newMultipartUpload("bucket", "twice", PutOptions.defaults());
        UploadedPart p = part(u, 1, TestSets.random(4, 10));
        List<CompletePart> parts = List.of(new CompletePart(1, p.etag()));
        ObjectInfo first = t.layer.completeMultipartUpload("bucket", "twice", u.uploadId(), parts,
                Versioning.UNVERSIONED);
        ObjectInfo again = t.layer.completeMultipartUpload("bucket", "twice", u.uploadId(), parts,
                Versioning.UNVERSIONED);
        assertEquals(first.etag(), again.etag());
        assertEquals(first.modTime(), again.modTime());
        assertNull(again.metadata().get(MultipartUploads.UPLOAD_ID_FIELD), "the origin stays out of ObjectInfo");
        // once the key holds something else, the upload is unknown again
        t.layer.putObject("bucket", "twice", new ByteArrayInputStream(new byte[1]), 1, PutOptions.defaults());
        assertEquals(ObjectError.NO_SUCH_UPLOAD, assertThrows(ObjectException.class, () ->
                t.layer.completeMultipartUpload("bucket", "twice", u.uploadId(), parts, Versioning.UNVERSIONED))
                .error());
        assertEquals(ObjectError.NO_SUCH_UPLOAD, assertThrows(ObjectException.class, () ->
                t.layer.completeMultipartUpload("bucket", "never", u.uploadId(), parts, Versioning.UNVERSIONED))
                .error());
    }

    @Test
    void completeRefusesBadPartListsAndKeepsTheUpload() {
        MultipartUpload u = t.layer.newMultipartUpload("bucket", "k", PutOptions.defaults());
        UploadedPart small = part(u, 1, TestSets.random(1, 100));
        UploadedPart last = part(u, 2, TestSets.random(2, 100));
        assertEquals(ObjectError.ENTITY_TOO_SMALL, assertThrows(ObjectException.class, () ->
                t.layer.completeMultipartUpload("bucket", "k", u.uploadId(), List.of(new CompletePart(1, small.etag()),
                        new CompletePart(2, last.etag())), Versioning.UNVERSIONED)).error());
        assertEquals(ObjectError.INVALID_PART_ORDER, assertThrows(ObjectException.class, () ->
                t.layer.completeMultipartUpload("bucket", "k", u.uploadId(), List.of(new CompletePart(2, last.etag()),
                        new CompletePart(1, small.etag())), Versioning.UNVERSIONED)).error());
        assertEquals(ObjectError.INVALID_PART, assertThrows(ObjectException.class, () ->
                t.layer.completeMultipartUpload("bucket", "k", u.uploadId(), List.of(new CompletePart(1, "0123"))
                        , Versioning.UNVERSIONED)).error());
        assertEquals(ObjectError.INVALID_PART, assertThrows(ObjectException.class, () ->
                t.layer.completeMultipartUpload("bucket", "k", u.uploadId(), List.of(new CompletePart(4, small.etag()))
                        , Versioning.UNVERSIONED)).error());
        assertEquals(ObjectError.INVALID_PART, assertThrows(ObjectException.class, () ->
                t.layer.putObjectPart("bucket", "k", u.uploadId(), 10_001, new ByteArrayInputStream(new byte[1]), 1,
                        null)).error());
        // a single small part is fine
        ObjectInfo done = t.layer.completeMultipartUpload("bucket", "k", u.uploadId(),
                List.of(new CompletePart(1, small.etag())), Versioning.UNVERSIONED);
        assertEquals(100, done.size());
    }

    @Test
    void uploadsAreListedAndAborted() {
        List<MultipartUpload> ups = new ArrayList<>();
        for (String k : List.of("a/1", "a/2", "b", "b", "c")) {
            ups.add(t.layer.newMultipartUpload("bucket", k, PutOptions.defaults()));
        }
        ListUploadsResult all = t.layer.listMultipartUploads("bucket", "", null, null, null, 1000);
        assertEquals(List.of("a/1", "a/2", "b", "b", "c"), all.uploads().stream().map(MultipartUpload::key).toList());
        ListUploadsResult rolled = t.layer.listMultipartUploads("bucket", "", "/", null, null, 1000);
        assertEquals(List.of("a/"), rolled.commonPrefixes());
        ListUploadsResult first = t.layer.listMultipartUploads("bucket", "", null, null, null, 3);
        assertTrue(first.truncated());
        ListUploadsResult second = t.layer.listMultipartUploads("bucket", "", null, first.nextKeyMarker(),
                first.nextUploadIdMarker(), 3);
        assertEquals(2, second.uploads().size());
        assertEquals("c", second.uploads().get(1).key());
        t.layer.abortMultipartUpload("bucket", "b", ups.get(2).uploadId());
        assertEquals(4, t.layer.listMultipartUploads("bucket", "", null, null, null, 1000).uploads().size());
        assertEquals(ObjectError.NO_SUCH_UPLOAD, assertThrows(ObjectException.class,
                () -> t.layer.abortMultipartUpload("bucket", "b", ups.get(2).uploadId())).error());
        assertEquals(ObjectError.NO_SUCH_UPLOAD, assertThrows(ObjectException.class,
                () -> t.layer.abortMultipartUpload("bucket", "other-key", ups.get(3).uploadId())).error());
    }

    @Test
    void copyKeepsOrReplacesMetadataAndCanTargetItself() {
        byte[] data = TestSets.random(5, 3 * MIB + 1);
        t.layer.putObject("bucket", "src", new ByteArrayInputStream(data), data.length,
                PutOptions.defaults().withMetadata(Map.of("content-type", "text/x", "x-amz-meta-k", "v")));
        ObjectInfo copy = t.layer.copyObject("bucket", "src", null, "bucket", "dst", PutOptions.defaults(), false);
        assertEquals("text/x", copy.contentType());
        assertEquals("v", copy.metadata().get("x-amz-meta-k"));
        assertArrayEquals(data, t.get("bucket", "dst"));
        ObjectInfo self = t.layer.copyObject("bucket", "src", null, "bucket", "src",
                PutOptions.defaults().withMetadata(Map.of("content-type", "image/png")), true);
        assertEquals("image/png", self.contentType());
        assertNull(self.metadata().get("x-amz-meta-k"));
        assertArrayEquals(data, t.get("bucket", "src"));
        assertEquals(ObjectError.OBJECT_NOT_FOUND, assertThrows(ObjectException.class, () ->
                t.layer.copyObject("bucket", "nope", null, "bucket", "x", PutOptions.defaults(), false)).error());
    }

    @Test
    void batchDeleteReportsEachEntry() {
        for (String k : List.of("a", "b")) {
            t.layer.putObject("bucket", k, new ByteArrayInputStream(new byte[3]), 3, PutOptions.defaults());
        }
        List<DeleteOutcome> out = t.layer.deleteObjects("bucket", List.of(new ObjectToDelete("a", null),
                new ObjectToDelete("missing", null), new ObjectToDelete("../bad", null)), Versioning.UNVERSIONED);
        assertNull(out.get(0).error());
        assertNull(out.get(1).error(), "deleting a missing key succeeds, as in S3");
        assertEquals(ObjectError.INVALID_OBJECT_NAME, out.get(2).error().error());
        assertEquals(List.of("b"), t.layer.listObjects("bucket",
                new dev.cairn.storage.object.ListOptions("", null, null, null, 10)).objects().stream()
                .map(ObjectInfo::key).toList());
    }

    @Test
    void bucketConfigurationIsStoredReplacedRemovedAndGoesWithTheBucket() {
        assertNull(t.layer.getBucketMeta("bucket", "versioning"));
        t.layer.setBucketMeta("bucket", "versioning", "Enabled".getBytes(StandardCharsets.UTF_8));
        t.layer.setBucketMeta("bucket", "versioning", "Suspended".getBytes(StandardCharsets.UTF_8));
        assertEquals("Suspended", new String(t.layer.getBucketMeta("bucket", "versioning"), StandardCharsets.UTF_8));
        t.drives.get(1).set(Fault.OFFLINE);
        assertEquals("Suspended", new String(t.layer.getBucketMeta("bucket", "versioning"), StandardCharsets.UTF_8));
        t.drives.get(1).set(Fault.NONE);
        t.layer.setBucketMeta("bucket", "versioning", null);
        assertNull(t.layer.getBucketMeta("bucket", "versioning"));
        t.layer.setBucketMeta("bucket", "policy", "{}".getBytes(StandardCharsets.UTF_8));
        t.layer.deleteBucket("bucket");
        t.layer.makeBucket("bucket");
        assertNull(t.layer.getBucketMeta("bucket", "policy"), "a new bucket of the same name starts clean");
        assertEquals(ObjectError.BUCKET_NOT_FOUND, assertThrows(ObjectException.class,
                () -> t.layer.getBucketMeta("nobucket", "policy")).error());
    }
}
