package dev.cairn.storage.drive;

import dev.cairn.storage.meta.ErasureInfo;
import dev.cairn.storage.meta.ObjectVersion;
import dev.cairn.storage.meta.PartInfo;
import dev.cairn.storage.meta.VersionType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ScatteringByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalDriveTest {

    @TempDir
    Path dir;
    LocalDrive drive;

    @BeforeEach
    void setUp() {
        drive = new LocalDrive(dir);
        drive.makeVolume("bucket");
    }

    static ObjectVersion inlineVersion(UUID id, long mtime) {
        return new ObjectVersion(id, VersionType.OBJECT, mtime, null, 1,
                new ErasureInfo(1, 0, 1 << 20, 1, new int[] {1}), List.of(new PartInfo(1, 1, 1, "e")),
                new TreeMap<>(), new byte[] {7});
    }

    private void put(String key) {
        drive.writeVersion("bucket", KeyPaths.toPath(key), inlineVersion(ObjectVersion.NULL_VERSION, 1));
    }

    private List<String> walk(String prefix, String after) {
        List<String> keys = new ArrayList<>();
        drive.walk("bucket", prefix, after).forEachRemaining(e -> keys.add(e.key()));
        return keys;
    }

    @Test
    void walkIsInS3KeyOrder() {
        List<String> keys = List.of("a", "a-c", "a/", "a/b", "a/b/c", "ab", "b", "z\uD83D\uDE00", "z\uFFFD");
        for (String k : keys) {
            put(k);
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(KeyPaths::compareKeys);
        assertEquals(sorted, walk("", null));
        assertEquals(List.of("a", "a-c", "a/", "a/b", "a/b/c", "ab"), walk("a", null));
        assertEquals(List.of("a/", "a/b", "a/b/c"), walk("a/", null));
        assertEquals(List.of("a/b/c", "ab", "b", "z\uFFFD", "z\uD83D\uDE00"), walk("", "a/b"));
        assertEquals(List.of(), walk("nothing/", null));
    }

    @Test
    void walkSkipsDataDirsAndEmptyDirectories() throws Exception {
        UUID dataDir = UUID.randomUUID();
        ObjectVersion v = new ObjectVersion(ObjectVersion.NULL_VERSION, VersionType.OBJECT, 1, dataDir, 1,
                new ErasureInfo(1, 0, 1 << 20, 1, new int[] {1}), List.of(new PartInfo(1, 1, 1, "e")),
                new TreeMap<>(), null);
        try (ShardWriter w = drive.createFile(Drive.SYSTEM_VOLUME, "tmp/x/" + dataDir + "/part.1")) {
            w.write(ByteBuffer.wrap(new byte[] {1}));
        }
        drive.renameData(Drive.SYSTEM_VOLUME, "tmp/x", v, "bucket", "k");
        Files.createDirectories(dir.resolve("bucket/empty/dir"));
        assertEquals(List.of("k"), walk("", null));
        try (InputStream in = drive.readFileStream("bucket", "k/" + dataDir + "/part.1", 0, 1)) {
            assertArrayEquals(new byte[] {1}, in.readAllBytes());
        }
    }

    @Test
    void renameDataReportsWhatItReplacedAndRestoreUndoesIt() throws Exception {
        UUID d1 = UUID.randomUUID();
        UUID d2 = UUID.randomUUID();
        for (UUID d : List.of(d1, d2)) {
            try (ShardWriter w = drive.createFile(Drive.SYSTEM_VOLUME, "tmp/" + d + "/" + d + "/part.1")) {
                w.write(ByteBuffer.wrap(new byte[] {1}));
            }
        }
        ObjectVersion v1 = withDataDir(d1, 1);
        RenameResult first = drive.renameData(Drive.SYSTEM_VOLUME, "tmp/" + d1, v1, "bucket", "k");
        assertNull(first.previousMeta());
        RenameResult second = drive.renameData(Drive.SYSTEM_VOLUME, "tmp/" + d2, withDataDir(d2, 2), "bucket", "k");
        assertEquals(d1, second.orphanDataDir());
        drive.restoreMeta("bucket", "k", second.previousMeta());
        assertEquals(1, drive.readVersion("bucket", "k", null).modTime());
        drive.restoreMeta("bucket", "k", null);
        assertEquals(DriveError.FILE_NOT_FOUND,
                assertThrows(DriveException.class, () -> drive.readMeta("bucket", "k")).error());
    }

    // ---- the meta journal: a crash loses unsynced in-place writes; replay must bring back every acknowledged one

    @Test
    void replayRepairsAMetaWhoseInPlaceWriteWasLost() throws Exception {
        assumeJournal();
        put("a/b");
        ObjectVersion v2 = inlineVersion(UUID.randomUUID(), 2);
        drive.writeVersion("bucket", "a/b", v2);
        Files.write(dir.resolve("bucket/a/b/cairn.meta"), new byte[] {1, 2, 3}); // torn by the crash

        LocalDrive restarted = new LocalDrive(dir);
        restarted.recover();
        assertEquals(2, restarted.readMeta("bucket", "a/b").versions().size());
        assertEquals(v2.versionId(), restarted.readVersion("bucket", "a/b", v2.versionId()).versionId());
    }

    @Test
    void replayRedoesALostDeleteAndALostDataDirectoryMove() throws Exception {
        assumeJournal();
        put("gone");
        byte[] before = Files.readAllBytes(dir.resolve("bucket/gone/cairn.meta"));
        drive.deleteVersion("bucket", "gone", ObjectVersion.NULL_VERSION);
        UUID d = UUID.randomUUID();
        try (ShardWriter w = drive.createFile(Drive.SYSTEM_VOLUME, "tmp/up/" + d + "/part.1")) {
            w.write(ByteBuffer.wrap(new byte[] {1}));
        }
        drive.renameData(Drive.SYSTEM_VOLUME, "tmp/up", withDataDir(d, 5), "bucket", "moved");
        // the crash lost both: the deleted meta is back, the data directory still in staging, the new meta gone
        Files.createDirectories(dir.resolve("bucket/gone"));
        Files.write(dir.resolve("bucket/gone/cairn.meta"), before);
        Files.move(dir.resolve("bucket/moved/" + d), dir.resolve(".cairn.sys/tmp/up/" + d));
        Files.delete(dir.resolve("bucket/moved/cairn.meta"));

        LocalDrive restarted = new LocalDrive(dir);
        restarted.recover();
        assertEquals(DriveError.FILE_NOT_FOUND,
                assertThrows(DriveException.class, () -> restarted.readMeta("bucket", "gone")).error());
        assertEquals(5, restarted.readVersion("bucket", "moved", null).modTime());
        assertEquals(1, restarted.fileSize("bucket", "moved/" + d + "/part.1"));
    }

    @Test
    void aVolumeDeletedWithItsKeysStaysDeletedAfterReplay() {
        assumeJournal();
        put("k");
        drive.deleteVolume("bucket", true);
        drive.makeVolume("bucket");
        LocalDrive restarted = new LocalDrive(dir);
        restarted.recover();
        assertEquals(List.of(), walkOf(restarted));
    }

    private static List<String> walkOf(LocalDrive d) {
        List<String> keys = new ArrayList<>();
        d.walk("bucket", "", null).forEachRemaining(e -> keys.add(e.key()));
        return keys;
    }

    private static void assumeJournal() {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystemSync.get().isPresent(), "no syncfs: no journal");
    }

    private static ObjectVersion withDataDir(UUID dataDir, long mtime) {
        return new ObjectVersion(ObjectVersion.NULL_VERSION, VersionType.OBJECT, mtime, dataDir, 1,
                new ErasureInfo(1, 0, 1 << 20, 1, new int[] {1}), List.of(new PartInfo(1, 1, 1, "e")),
                new TreeMap<>(), null);
    }

    @Test
    void deleteLastVersionRemovesKeyAndEmptyParents() {
        put("a/b/c");
        drive.deleteVersion("bucket", "a/b/c", ObjectVersion.NULL_VERSION);
        assertFalse(Files.exists(dir.resolve("bucket/a")));
        assertEquals(DriveError.VERSION_NOT_FOUND, assertThrows(DriveException.class,
                () -> { put("x"); drive.deleteVersion("bucket", "x", UUID.randomUUID()); }).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "a//b", "./a", "/abs", "a\0b", "cairn.meta", "a/cairn.meta/b", ""})
    void keysThatCannotBeStoredAreRefused(String key) {
        assertEquals(DriveError.INVALID_PATH,
                assertThrows(DriveException.class, () -> KeyPaths.toPath(key)).error());
    }

    @Test
    void volumesCanBeListedAndOnlyEmptyOnesDeleted() {
        drive.makeVolume("other");
        assertEquals(List.of("bucket", "other"), drive.listVolumes().stream().map(VolumeInfo::name).toList());
        assertEquals(DriveError.VOLUME_EXISTS, assertThrows(DriveException.class, () -> drive.makeVolume("other")).error());
        put("k");
        assertEquals(DriveError.VOLUME_NOT_EMPTY,
                assertThrows(DriveException.class, () -> drive.deleteVolume("bucket", false)).error());
        drive.deleteVolume("other", false);
        assertEquals(DriveError.VOLUME_NOT_FOUND, assertThrows(DriveException.class, () -> drive.statVolume("other")).error());
    }

    @Test
    void readingPastTheEndOfAShardIsCorrupt() throws Exception {
        try (ShardWriter w = drive.createFile("bucket", "f")) {
            w.write(ByteBuffer.wrap(new byte[10]));
        }
        assertEquals(DriveError.CORRUPT,
                assertThrows(DriveException.class, () -> drive.readFileStream("bucket", "f", 5, 6)).error());
    }

    @Test
    void aFileStreamIsAChannelThatStopsAtItsLengthAndScattersIntoDirectBuffers() throws Exception {
        byte[] content = new byte[100];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        try (ShardWriter w = drive.createFile("bucket", "f")) {
            w.write(ByteBuffer.wrap(content));
        }
        try (InputStream in = drive.readFileStream("bucket", "f", 10, 50)) {
            ScatteringByteChannel ch = assertInstanceOf(ScatteringByteChannel.class, in);
            ByteBuffer head = ByteBuffer.allocateDirect(4);
            ByteBuffer body = ByteBuffer.allocateDirect(20);
            assertEquals(24, ch.read(new ByteBuffer[] {head, body}));
            assertEquals(10, head.get(0));
            assertEquals(14, body.get(0));
            assertEquals(5, in.read(new byte[5]), "the stream and the channel share one position");
            ByteBuffer rest = ByteBuffer.allocate(64);
            assertEquals(21, ch.read(rest), "bounded by the length asked for, not the buffer");
            assertEquals(39, rest.get(0));
            assertEquals(59, rest.get(20));
            assertEquals(-1, ch.read(ByteBuffer.allocate(1)));
            assertEquals(-1, ch.read(new ByteBuffer[] {ByteBuffer.allocate(1)}));
        }
    }

    @Test
    void aScatterPastTheLengthStopsAtIt() throws Exception {
        try (ShardWriter w = drive.createFile("bucket", "f")) {
            w.write(ByteBuffer.wrap(new byte[40]));
        }
        try (InputStream in = drive.readFileStream("bucket", "f", 0, 30)) {
            ScatteringByteChannel ch = (ScatteringByteChannel) in;
            ByteBuffer[] bufs = {ByteBuffer.allocate(0), ByteBuffer.allocate(20), ByteBuffer.allocate(20)};
            long total = 0;
            for (long n; (n = ch.read(bufs)) > 0; ) {
                total += n;
            }
            assertEquals(30, total);
            assertEquals(10, bufs[2].position());
        }
    }
}
