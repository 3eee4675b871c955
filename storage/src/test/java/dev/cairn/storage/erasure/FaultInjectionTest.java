package dev.cairn.storage.erasure;

import dev.cairn.storage.erasure.FaultyDrive.Fault;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes against failing drives: acknowledged means readable; refused means invisible and cleaned up. */
class FaultInjectionTest {

    static final int B = ErasureConfig.DEFAULT_BLOCK_SIZE;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"OFFLINE", "THROWING", "FULL", "FAIL_COMMIT", "SLOW"})
    void writesSucceedWhileWriteQuorumHolds(Fault fault) {
        // 6 drives, 3+3: write quorum 4, so two drives may fail
        try (TestSets t = new TestSets(dir, 6, 3)) {
            t.layer.makeBucket("bucket");
            t.drives.get(1).set(fault);
            t.drives.get(4).set(fault);
            byte[] data = TestSets.random(1, 2 * B + 3);
            t.put("bucket", "obj", data);
            t.drives.get(1).set(Fault.NONE);
            t.drives.get(4).set(Fault.NONE);
            assertArrayEquals(data, t.get("bucket", "obj"));
            if (fault != Fault.SLOW) {
                assertTrue(t.healQueued.contains("bucket/obj"), "a write that missed drives queues healing");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"OFFLINE", "THROWING", "FULL", "FAIL_COMMIT"})
    void nothingIsAcknowledgedOrLeftBelowWriteQuorum(Fault fault) throws IOException {
        try (TestSets t = new TestSets(dir, 6, 3)) {
            t.layer.makeBucket("bucket");
            byte[] old = TestSets.random(2, B + 1);
            t.put("bucket", "obj", old);
            for (int i : new int[] {0, 2, 5}) {
                t.drives.get(i).set(fault);
            }
            ObjectException e = assertThrows(ObjectException.class,
                    () -> t.put("bucket", "obj", TestSets.random(3, 2 * B)));
            ObjectError expected = fault == Fault.FULL ? ObjectError.STORAGE_FULL : ObjectError.INSUFFICIENT_WRITE_QUORUM;
            assertEquals(expected, e.error(), e.getMessage());
            assertThrows(ObjectException.class, () -> t.put("bucket", "new", TestSets.random(4, 10)));
            for (FaultyDrive d : t.drives) {
                d.set(Fault.NONE);
            }
            assertArrayEquals(old, t.get("bucket", "obj"), "the previous version survives a refused overwrite");
            assertEquals(ObjectError.OBJECT_NOT_FOUND,
                    assertThrows(ObjectException.class, () -> t.get("bucket", "new")).error());
            for (Path root : t.roots) {
                assertEquals(0, countFiles(root.resolve(".cairn.sys/tmp")), "tmp cleaned on " + root);
                assertTrue(Files.notExists(root.resolve("bucket/new")), "no trace of the refused write on " + root);
            }
        }
    }

    @Test
    void drivesOfflineDuringAWriteRaiseItsParitySoItStillToleratesParityMoreLosses() {
        // 16 drives, 12+4; two offline at write time: written as 10+6, so four more may go later
        try (TestSets t = new TestSets(dir, 16, 4)) {
            t.layer.makeBucket("bucket");
            t.drives.get(0).set(Fault.OFFLINE);
            t.drives.get(1).set(Fault.OFFLINE);
            byte[] data = TestSets.random(8, 3 * B + 11);
            t.put("bucket", "obj", data);
            for (int i = 2; i < 6; i++) {
                t.drives.get(i).set(Fault.OFFLINE);
            }
            assertArrayEquals(data, t.get("bucket", "obj"));
        }
    }

    @Test
    void aDriveThatFailsMidStreamIsDroppedAndTheWriteCompletes() {
        try (TestSets t = new TestSets(dir, 4, 2)) {
            t.layer.makeBucket("bucket");
            byte[] data = TestSets.random(5, 5 * B);
            var body = new java.io.ByteArrayInputStream(data) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    if (pos >= 2 * B) {
                        t.drives.get(3).set(Fault.THROWING);
                    }
                    return super.read(b, off, len);
                }
            };
            t.layer.putObject("bucket", "obj", body, data.length, dev.cairn.storage.object.PutOptions.defaults());
            t.drives.get(3).set(Fault.NONE);
            assertArrayEquals(data, t.get("bucket", "obj"));
        }
    }

    @Test
    void aShortBodyIsRefusedAndLeavesNothing() throws IOException {
        try (TestSets t = new TestSets(dir, 4, 2)) {
            t.layer.makeBucket("bucket");
            byte[] data = TestSets.random(6, B);
            ObjectException e = assertThrows(ObjectException.class, () -> t.layer.putObject("bucket", "obj",
                    new java.io.ByteArrayInputStream(data), data.length + 1, dev.cairn.storage.object.PutOptions.defaults()));
            assertEquals(ObjectError.INCOMPLETE_BODY, e.error());
            for (Path root : t.roots) {
                assertEquals(0, countFiles(root.resolve(".cairn.sys/tmp")));
            }
        }
    }

    @Test
    void badDigestStoresNothing() {
        try (TestSets t = new TestSets(dir, 4, 2)) {
            t.layer.makeBucket("bucket");
            byte[] data = TestSets.random(6, 100);
            var opts = new dev.cairn.storage.object.PutOptions(dev.cairn.storage.object.Versioning.UNVERSIONED,
                    java.util.Map.of(), dev.cairn.storage.object.StorageClass.STANDARD, "00000000000000000000000000000000");
            ObjectException e = assertThrows(ObjectException.class, () -> t.layer.putObject("bucket", "obj",
                    new java.io.ByteArrayInputStream(data), data.length, opts));
            assertEquals(ObjectError.BAD_DIGEST, e.error());
            assertEquals(ObjectError.OBJECT_NOT_FOUND, assertThrows(ObjectException.class,
                    () -> t.layer.getObjectInfo("bucket", "obj", null)).error());
        }
    }

    static long countFiles(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
