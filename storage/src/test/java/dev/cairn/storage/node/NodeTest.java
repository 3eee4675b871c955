package dev.cairn.storage.node;

import dev.cairn.storage.format.FormatRefusedException;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.PutOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node over real directories: formatting, restarts, missing, foreign and wiped drives. */
class NodeTest {

    @TempDir
    Path dir;

    private List<String> drives(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(dir.resolve("d" + i).toString());
        }
        return out;
    }

    private static Node start(List<String> drives) {
        return Node.start(new NodeSettings(drives, java.util.Optional.empty(), java.util.Optional.empty(),
                Duration.ofHours(1)), InstantSource.system());
    }

    private static byte[] put(Node node, String key, int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        node.objectLayer().putObject("bucket", key, new ByteArrayInputStream(data), size, PutOptions.defaults());
        return data;
    }

    private static byte[] get(Node node, String key) throws IOException {
        try (ObjectStream s = node.objectLayer().getObject("bucket", key, null, null)) {
            return s.body().readAllBytes();
        }
    }

    @Test
    void firstStartFormatsAndARestartInAnotherOrderFindsEveryDrive() throws IOException {
        List<String> drives = drives(8);
        String deployment;
        byte[] data;
        try (Node node = start(drives)) {
            NodeStatus s = node.status();
            assertEquals(1, s.sets());
            assertEquals(8, s.drivesPerSet());
            assertEquals(4, s.parityShards());
            assertTrue(s.writable());
            deployment = s.deploymentId();
            node.objectLayer().makeBucket("bucket");
            data = put(node, "k", 3 << 20);
        }
        for (String d : drives) {
            assertTrue(Files.exists(Path.of(d, ".cairn.sys", "format.json")));
        }
        List<String> shuffled = new ArrayList<>(drives);
        Collections.shuffle(shuffled, new Random(7));
        try (Node node = start(shuffled)) {
            assertEquals(deployment, node.status().deploymentId());
            assertArrayEquals(data, get(node, "k"));
        }
    }

    @Test
    void twentyFourDrivesMakeTwoSetsOfTwelve() {
        try (Node node = start(drives(24))) {
            assertEquals(2, node.status().sets());
            assertEquals(12, node.status().drivesPerSet());
            assertEquals(4, node.status().parityShards());
        }
    }

    @Test
    void aForeignDriveOrAWrongCountStopsTheStart() throws IOException {
        List<String> mine = drives(4);
        try (Node node = start(mine)) {
            node.objectLayer().makeBucket("bucket");
        }
        List<String> other = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            other.add(dir.resolve("other" + i).toString());
        }
        try (Node node = start(other)) {
            node.objectLayer().makeBucket("bucket");
        }
        List<String> mixed = new ArrayList<>(mine.subList(0, 3));
        mixed.add(other.get(0));
        FormatRefusedException foreign = assertThrows(FormatRefusedException.class, () -> start(mixed));
        assertTrue(foreign.getMessage().contains("deployment"), foreign.getMessage());
        assertThrows(FormatRefusedException.class, () -> start(mine.subList(0, 2)));
        Files.createDirectories(dir.resolve("notempty"));
        Files.writeString(dir.resolve("notempty/somebodys-file"), "precious");
        List<String> withJunk = new ArrayList<>(drives(3));
        withJunk.add(0, dir.resolve("notempty").toString());
        try (Node ignored = start(List.of(dir.resolve("notempty").toString(), dir.resolve("x2").toString()))) {
            throw new AssertionError("formatted a directory holding someone's files");
        } catch (FormatRefusedException expected) {
            assertEquals("precious", Files.readString(dir.resolve("notempty/somebodys-file")));
        }
    }

    @Test
    void aMissingDriveRunsDegradedAndIsHealedWhenItReturns() throws Exception {
        List<String> drives = drives(4);
        try (Node node = start(drives)) {
            node.objectLayer().makeBucket("bucket");
        }
        Path gone = Path.of(drives.get(3));
        Path aside = dir.resolve("aside");
        Files.move(gone, aside);
        Files.writeString(gone, "not a directory any more");
        try (Node node = start(drives)) {
            assertTrue(node.status().writable(), "3 of 4 drives is write quorum for 2+2");
            byte[] data = put(node, "while-away", 2 << 20);
            Files.delete(gone);
            Files.move(aside, gone);
            node.checkDrives();
            node.awaitSetHeals(Duration.ofSeconds(60));
            assertEquals("online", node.status().drives().get(0).get(3).state());
            // the returned drive got its shard: any two drives now serve the object
            assertTrue(Files.exists(gone.resolve("bucket/while-away/cairn.meta")));
            assertArrayEquals(data, get(node, "while-away"));
        }
    }

    @Test
    void aWipedDriveIsFormattedAndItsSetHealedWhileRunning() throws Exception {
        List<String> drives = drives(4);
        try (Node node = start(drives)) {
            node.objectLayer().makeBucket("bucket");
            byte[] big = put(node, "big", 5 << 20);
            byte[] small = put(node, "dir/small", 100);
            Path wiped = Path.of(drives.get(1));
            wipe(wiped);
            node.checkDrives();
            node.awaitSetHeals(Duration.ofSeconds(60));
            assertTrue(Files.exists(wiped.resolve(".cairn.sys/format.json")));
            assertTrue(Files.exists(wiped.resolve("bucket/big/cairn.meta")));
            assertTrue(Files.exists(wiped.resolve("bucket/dir/small/cairn.meta")));
            var progress = node.healProgress(0);
            assertEquals(2, progress.versionsHealed.get(), progress.toString());
            // lose two other drives: the healed one must carry its share
            Files.move(Path.of(drives.get(0)), dir.resolve("gone0"));
            Files.move(Path.of(drives.get(2)), dir.resolve("gone2"));
            node.checkDrives();
            assertFalse(node.status().writable());
            assertArrayEquals(big, get(node, "big"));
            assertArrayEquals(small, get(node, "dir/small"));
        }
    }

    @Test
    void staleMultipartUploadsAreAbortedBySweep() throws Exception {
        try (Node node = start(drives(4))) {
            node.objectLayer().makeBucket("bucket");
            var old = node.objectLayer().newMultipartUpload("bucket", "k", PutOptions.defaults());
            node.sweepStaleUploads(Duration.ofHours(1));
            assertEquals(1, node.objectLayer().listMultipartUploads("bucket", "", null, null, null, 10).uploads().size());
            node.sweepStaleUploads(Duration.ZERO);
            assertEquals(0, node.objectLayer().listMultipartUploads("bucket", "", null, null, null, 10).uploads().size(),
                    "upload " + old.uploadId() + " should be gone");
        }
    }

    static void wipe(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).forEach(p -> p.toFile().delete());
        }
    }
}
