package dev.cairn.storage.drive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MetaJournalTest {

    @TempDir
    Path dir;

    private static MetaJournal.Entry write(String path, int value) {
        return new MetaJournal.Entry(MetaJournal.WRITE, "bucket", path, null, null, null,
                new byte[] {(byte) value, (byte) (value >> 8)});
    }

    private static FileSystemSync sync() {
        assumeTrue(FileSystemSync.get().isPresent(), "syncfs is not available on this platform");
        return FileSystemSync.get().get();
    }

    private List<MetaJournal.Entry> replayAll(MetaJournal journal) throws Exception {
        List<MetaJournal.Entry> out = new ArrayList<>();
        journal.replay(out::add);
        return out;
    }

    @Test
    void recordsComeBackInOrderAndAreGoneAfterReplay() throws Exception {
        MetaJournal journal = new MetaJournal(dir, sync());
        for (int i = 0; i < 5; i++) {
            journal.appendDurably(write("k" + i, i)).close();
        }
        MetaJournal.Entry remove = new MetaJournal.Entry(MetaJournal.REMOVE, "bucket", "k1", null, null, null, null);
        journal.appendDurably(remove).close();
        MetaJournal.Entry move = new MetaJournal.Entry(MetaJournal.WRITE, "bucket", "k9", ".cairn.sys", "tmp/x",
                "dd", new byte[] {9});
        journal.appendDurably(move).close();

        List<MetaJournal.Entry> replayed = replayAll(new MetaJournal(dir, sync()));
        assertEquals(7, replayed.size());
        for (int i = 0; i < 5; i++) {
            assertEquals("k" + i, replayed.get(i).path());
            assertArrayEquals(write("k" + i, i).meta(), replayed.get(i).meta());
        }
        assertEquals(MetaJournal.REMOVE, replayed.get(5).kind());
        assertEquals("tmp/x", replayed.get(6).dataSrcPath());
        assertEquals("dd", replayed.get(6).dataDir());
        assertEquals(List.of(), replayAll(new MetaJournal(dir, sync())), "replay deletes what it applied");
    }

    @Test
    void ridersOfReplayedRecordsAreSavedBeforeTheSegmentsGo() throws Exception {
        MetaJournal journal = new MetaJournal(dir, sync());
        journal.appendDurably(write("k0", 0).carrying(new byte[] {7, 7})).close();
        journal.appendDurably(write("k1", 1)).close();
        journal.appendDurably(write("k2", 2).carrying(new byte[] {8})).close();
        List<MetaJournal.Entry> replayed = replayAll(new MetaJournal(dir, sync()));
        assertArrayEquals(new byte[] {7, 7}, replayed.get(0).rider());
        assertNull(replayed.get(1).rider());
        assertArrayEquals(write("k2", 2).meta(), replayed.get(2).meta(), "the rider follows the meta");
        List<Path> saved = ridersFiles();
        assertEquals(1, saved.size());
        List<byte[]> riders = JournalRider.read(saved.getFirst());
        assertEquals(2, riders.size());
        assertArrayEquals(new byte[] {7, 7}, riders.get(0));
        assertArrayEquals(new byte[] {8}, riders.get(1));
        assertEquals(List.of(), replayAll(new MetaJournal(dir, sync())), "the segments are gone, the riders kept");
        assertEquals(saved, ridersFiles());
    }

    @Test
    void aCheckpointLetsTheRidersOwnersStoreThemFirstAndKeepsTheSegmentsWhenOneCannot() throws Exception {
        MetaJournal journal = new MetaJournal(dir, sync());
        journal.appendDurably(write("k0", 0).carrying(new byte[] {1})).close();
        Runnable unregister = JournalRider.registerBarrier(() -> {
            throw new UncheckedIOException(new IOException("the event queue closed first"));
        });
        try {
            assertThrows(IOException.class, journal::checkpointNow);
        } finally {
            unregister.run();
        }
        AtomicInteger barriers = new AtomicInteger();
        unregister = JournalRider.registerBarrier(barriers::incrementAndGet);
        try {
            MetaJournal again = new MetaJournal(dir, sync());
            again.appendDurably(write("k1", 1)).close();
            again.checkpointNow();
            assertEquals(1, barriers.get());
        } finally {
            unregister.run();
        }
        assertEquals(List.of(), replayAll(new MetaJournal(dir, sync())), "that checkpoint took both segments");
    }

    private List<Path> ridersFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(JournalRider.FILE_SUFFIX)).sorted().toList();
        }
    }

    @Test
    void aTornLastRecordIsIgnoredAndEverythingBeforeItKept() throws Exception {
        MetaJournal journal = new MetaJournal(dir, sync());
        for (int i = 0; i < 3; i++) {
            journal.appendDurably(write("k" + i, i)).close();
        }
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(size - 3); // a crash in the middle of the last append
        }
        List<MetaJournal.Entry> replayed = replayAll(new MetaJournal(dir, sync()));
        assertEquals(List.of("k0", "k1"), replayed.stream().map(MetaJournal.Entry::path).toList());
    }

    @Test
    void aDamagedRecordEndsTheReplayOfItsSegment() throws Exception {
        MetaJournal journal = new MetaJournal(dir, sync());
        for (int i = 0; i < 3; i++) {
            journal.appendDurably(write("k" + i, i)).close();
        }
        Path segment = onlySegment();
        int second = MetaJournal.encode(write("k0", 0)).length;
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(second + 12); // inside the second record's body
            f.write(0x5a);
        }
        List<MetaJournal.Entry> replayed = replayAll(new MetaJournal(dir, sync()));
        assertEquals(List.of("k0"), replayed.stream().map(MetaJournal.Entry::path).toList());
    }

    @Test
    void concurrentAppendsShareSyncsAndKeepEachWritersOrder() throws Exception {
        MetaJournal journal = new MetaJournal(dir, sync(), 4096); // small segments: rotations and checkpoints too
        int writers = 16;
        int each = 200;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        journal.appendDurably(write("w" + id, i)).close();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        // checkpoints may have dropped older segments; what is left must be, per writer, an in-order suffix
        Map<String, Integer> last = new HashMap<>();
        for (MetaJournal.Entry e : replayAll(new MetaJournal(dir, sync()))) {
            int value = (e.meta()[0] & 0xff) | (e.meta()[1] & 0xff) << 8;
            Integer before = last.put(e.path(), value);
            assertTrue(before == null || before + 1 == value, e.path() + ": " + before + " then " + value);
        }
        last.values().forEach(v -> assertEquals(each - 1, v, "every writer's last record survives"));
    }

    @Test
    void aLingeringCommitRidesOnTheSyncAnotherCommitStarts() throws Exception {
        MetaJournal journal = new MetaJournal(dir, sync());
        long thirtySeconds = 30_000_000_000L;
        try (var pool = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            var lingering = pool.submit(() -> {
                journal.appendDurably(write("k1", 1), thirtySeconds).close();
                return null;
            });
            while (journal.appendedCount() < 1) {
                Thread.onSpinWait(); // until the first record is in and its writer lingers
            }
            journal.appendDurably(write("k2", 2), 0).close(); // syncs at once, and so covers k1
            lingering.get(10, java.util.concurrent.TimeUnit.SECONDS); // long before its 30 s linger ends
        }
        assertEquals(List.of("k1", "k2"), replayAll(new MetaJournal(dir, sync())).stream()
                .map(MetaJournal.Entry::path).toList());
    }

    @Test
    void aLoneLingeringCommitSyncsItselfOnceItsLingerIsOver() throws Exception {
        MetaJournal journal = new MetaJournal(dir, sync());
        journal.appendDurably(write("k1", 1), 20_000_000L).close();
        assertEquals(1, replayAll(new MetaJournal(dir, sync())).size());
    }

    @Test
    void aWriterWithoutCompanyNeverLingers() throws Exception {
        MetaJournal journal = new MetaJournal(dir, sync(), 1 << 20, 30_000_000_000L); // 30 s, were it to wait
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            journal.appendDurably(write("k" + i, i)).close(); // one at a time: each sync covers one record
        }
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "sequential commits did not wait for company");
        assertEquals(5, replayAll(new MetaJournal(dir, sync())).size());
    }

    @Test
    void checkpointNowLeavesNothingToReplay() throws Exception {
        MetaJournal journal = new MetaJournal(dir, sync());
        journal.appendDurably(write("k", 1)).close();
        journal.checkpointNow();
        assertEquals(List.of(), replayAll(new MetaJournal(dir, sync())));
        journal.appendDurably(write("k", 2)).close(); // and the journal goes on after it
        assertEquals(1, replayAll(new MetaJournal(dir, sync())).size());
    }

    private Path onlySegment() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.getFirst();
        }
    }
}
