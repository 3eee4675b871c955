package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.JournalRider;
import dev.cairn.storage.drive.LocalDrive;
import dev.cairn.storage.object.CommitObserver;
import dev.cairn.storage.object.CompletePart;
import dev.cairn.storage.object.DeleteResult;
import dev.cairn.storage.object.ListOptions;
import dev.cairn.storage.object.MultipartUpload;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectToDelete;
import dev.cairn.storage.object.PutOptions;
import dev.cairn.storage.object.UploadedPart;
import dev.cairn.storage.object.Versioning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The erasure layer tells a bound observer of each commit, under the key's lock, in the order of the commits. */
class CommitObserverTest {

    @TempDir
    Path dir;
    TestSets t;

    @BeforeEach
    void setUp() {
        t = new TestSets(dir, 1, 4, 2, ErasureConfig.defaults(2, 1));
        t.layer.makeBucket("bucket");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    /** Records what it is told, as "kind:key:versionId". */
    static final class Recording implements CommitObserver {
        final List<String> seen;

        Recording(List<String> seen) {
            this.seen = seen;
        }

        @Override
        public void committed(ObjectInfo version) {
            seen.add("committed:" + version.key() + ":" + version.versionId());
        }

        @Override
        public void removed(String bucket, String key, String requestedVersionId, DeleteResult result) {
            seen.add("removed:" + key + ":" + result.versionId() + (result.deleteMarker() ? ":marker" : ""));
        }
    }

    ObjectInfo put(String key, byte[] body) {
        return t.layer.putObject("bucket", key, new ByteArrayInputStream(body), body.length,
                PutOptions.defaults().withVersioning(Versioning.ENABLED));
    }

    @Test
    void concurrentWritersOfOneKeyAreObservedInTheOrderTheirVersionsCommitted() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        int writers = 8;
        int each = 15;
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        byte[] body = ("writer " + id + " put " + i).getBytes();
                        CommitObserver.during(new Recording(seen), () -> put("k", body));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        List<String> committedOrder = new ArrayList<>(t.layer.listObjectVersions("bucket",
                new ListOptions("", null, null, null, 1000)).objects().stream()
                .map(v -> "committed:k:" + v.versionId()).toList());
        Collections.reverse(committedOrder); // listings show the newest version first
        assertEquals(writers * each, committedOrder.size());
        assertEquals(committedOrder.size(), seen.size());
        for (int i = 0; i < seen.size(); i++) { // the first place the orders differ, not two lists of 120 ids
            assertEquals(committedOrder.get(i), seen.get(i), "commit " + i + " observed out of order");
        }
    }

    @Test
    void deletesCopiesCompletionsAndMetadataUpdatesAreObservedAndACallWithoutObserverIsNot() throws Exception {
        List<String> seen = new ArrayList<>();
        ObjectInfo v1 = put("a", "one".getBytes()); // no observer bound: nothing seen
        Recording r = new Recording(seen);
        ObjectInfo tagged = CommitObserver.during(r, () -> t.layer.updateObjectMetadata("bucket", "a", v1.versionId(),
                Map.of("x-amz-meta-color", "blue")));
        DeleteResult marker = CommitObserver.during(r, () -> t.layer.deleteObject("bucket", "a", null,
                Versioning.ENABLED));
        ObjectInfo copy = CommitObserver.during(r, () -> t.layer.copyObject("bucket", "a", v1.versionId(), "bucket",
                "b", PutOptions.defaults().withVersioning(Versioning.ENABLED), false));
        MultipartUpload upload = t.layer.newMultipartUpload("bucket", "c",
                PutOptions.defaults().withVersioning(Versioning.ENABLED));
        UploadedPart part = t.layer.putObjectPart("bucket", "c", upload.uploadId(), 1,
                new ByteArrayInputStream("part".getBytes()), 4, null);
        ObjectInfo completed = CommitObserver.during(r, () -> t.layer.completeMultipartUpload("bucket", "c",
                upload.uploadId(), List.of(new CompletePart(1, part.etag())), Versioning.ENABLED));
        List<?> outcomes = CommitObserver.during(r, () -> t.layer.deleteObjects("bucket", List.of(
                new ObjectToDelete("b", copy.versionId()), new ObjectToDelete("missing", null)), Versioning.ENABLED));
        assertEquals(2, outcomes.size());
        assertEquals(List.of(
                "committed:a:" + tagged.versionId(),
                "removed:a:" + marker.versionId() + ":marker",
                "committed:b:" + copy.versionId(),
                "committed:c:" + completed.versionId(),
                "removed:b:" + copy.versionId(),
                seen.get(5)), seen);
        assertTrue(seen.get(5).startsWith("removed:missing:"), seen.get(5));
    }

    /** Carries {@code rider} in its commits and records what it is told after each. */
    static final class Carrying implements CommitObserver {
        final byte[] rider;
        final List<String> told = Collections.synchronizedList(new ArrayList<>());

        Carrying(byte[] rider) {
            this.rider = rider;
        }

        @Override
        public Prepared preparing(ObjectInfo version) {
            return telling("committed:" + version.key());
        }

        @Override
        public Prepared preparingRemoval(String bucket, String key, String requestedVersionId, DeleteResult result) {
            return telling("removed:" + key);
        }

        private Prepared telling(String what) {
            return new Prepared() {
                @Override
                public byte[] rider() {
                    return rider;
                }

                @Override
                public void committed(int riderCopies) {
                    told.add(what + ":" + riderCopies);
                }

                @Override
                public void abandoned() {
                    told.add("abandoned:" + what);
                }
            };
        }

        @Override
        public void committed(ObjectInfo version) {
            told.add("unprepared:" + version.key());
        }

        @Override
        public void removed(String bucket, String key, String requestedVersionId, DeleteResult result) {
        }
    }

    @Test
    void aPutCarriesTheObserversRiderInTheJournalOfEveryDriveThatCommitsAndAReplaySavesIt() throws Exception {
        assumeTrue(LocalDrive.at(t.roots.getFirst().toString()).hasJournal(), "meta journals need syncfs");
        Carrying observer = new Carrying(new byte[] {4, 2});
        t.drives.get(3).set(FaultyDrive.Fault.FAIL_COMMIT);
        CommitObserver.during(observer, () -> put("k", new byte[] {1, 2, 3}));
        assertEquals(List.of("committed:k:3"), observer.told, "three drives committed, each holds the rider");
        t.drives.get(3).set(FaultyDrive.Fault.NONE);
        put("plain", new byte[] {5}); // no observer: carries nothing
        for (int i = 0; i < 3; i++) { // a restart's replay of each drive's journal
            LocalDrive.at(t.roots.get(i).toString()).recover();
            List<byte[]> saved = new ArrayList<>();
            for (Path f : JournalRider.pendingFiles(t.roots.get(i))) {
                saved.addAll(JournalRider.read(f));
            }
            assertEquals(1, saved.size(), "drive " + i);
            assertArrayEquals(new byte[] {4, 2}, saved.getFirst());
        }
        assertEquals(List.of(), JournalRider.pendingFiles(t.roots.get(3)), "the failed drive never journaled it");
    }

    @Test
    void aCommitBelowWriteQuorumIsAbandonedNotCommitted() {
        Carrying observer = new Carrying(new byte[] {1});
        t.drives.get(2).set(FaultyDrive.Fault.FAIL_COMMIT);
        t.drives.get(3).set(FaultyDrive.Fault.FAIL_COMMIT);
        assertThrows(ObjectException.class, () -> CommitObserver.during(observer, () -> put("k", new byte[] {1})));
        assertEquals(List.of("abandoned:committed:k"), observer.told);
    }

    @Test
    void everyMutationThatWritesCarriesTheRiderOnEveryDrive() throws Exception {
        Carrying c = new Carrying(new byte[] {3});
        ObjectInfo v1 = put("a", "one".getBytes());
        CommitObserver.during(c, () -> t.layer.updateObjectMetadata("bucket", "a", v1.versionId(),
                Map.of("x-amz-meta-color", "blue")));
        CommitObserver.during(c, () -> t.layer.deleteObject("bucket", "a", null, Versioning.ENABLED));
        CommitObserver.during(c, () -> t.layer.deleteObject("bucket", "a", v1.versionId(), Versioning.ENABLED));
        MultipartUpload upload = t.layer.newMultipartUpload("bucket", "c",
                PutOptions.defaults().withVersioning(Versioning.ENABLED));
        UploadedPart part = t.layer.putObjectPart("bucket", "c", upload.uploadId(), 1,
                new ByteArrayInputStream("part".getBytes()), 4, null);
        CommitObserver.during(c, () -> t.layer.completeMultipartUpload("bucket", "c", upload.uploadId(),
                List.of(new CompletePart(1, part.etag())), Versioning.ENABLED));
        CommitObserver.during(c, () -> t.layer.deleteObject("bucket", "missing", null, Versioning.UNVERSIONED));
        int drives = LocalDrive.at(t.roots.getFirst().toString()).hasJournal() ? 4 : 0;
        assertEquals(List.of("committed:a:" + drives, "removed:a:" + drives, "removed:a:" + drives,
                "committed:c:" + drives, "removed:missing:0"), c.told, "a delete of nothing writes nothing to carry");
    }
}
