package dev.cairn.notifications.queue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJournalTest {
    static final EventJournal.Options SMALL = new EventJournal.Options(1_000, 4096, 2);

    @TempDir
    Path dir;
    final List<EventJournal> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws InterruptedException {
        for (EventJournal j : open) {
            j.close();
        }
    }

    List<Path> dirs(int n) {
        List<Path> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(dir.resolve("d" + i + "/.cairn.sys/events/kafka-x"));
        }
        return out;
    }

    EventJournal open(List<Path> dirs, EventJournal.Options options) {
        EventJournal j = EventJournal.open("kafka-x", dirs, options);
        open.add(j);
        return j;
    }

    static byte[] event(int i) {
        return ("event-" + i).getBytes(StandardCharsets.UTF_8);
    }

    static List<String> texts(List<JournalEntry> entries) {
        return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }

    static List<String> expected(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add("event-" + i);
        }
        return out;
    }

    @Test
    void submittedEventsTakeTheirPlacesInSubmitOrderAndCompleteOnceStored() throws Exception {
        EventJournal j = open(dirs(2), SMALL);
        List<java.util.concurrent.CompletableFuture<Void>> stored = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            stored.add(j.submit(event(i))); // no waiting in between: the writer takes them in batches
        }
        for (var f : stored) {
            f.get();
        }
        assertEquals(expected(1, 50), texts(j.read(1, 100, 0)));
        EventJournal again = open(dirs(2), SMALL); // what completed is on disk, not only in memory
        assertEquals(expected(1, 50), texts(again.read(1, 100, 0)));
    }

    @Test
    void appendedEventsAreReadInOrderAndAcknowledgedOnesAreNotReadAgain() throws Exception {
        EventJournal j = open(dirs(2), SMALL);
        for (int i = 1; i <= 10; i++) {
            j.append(event(i));
        }
        List<JournalEntry> all = j.read(1, 100, 0);
        assertEquals(expected(1, 10), texts(all));
        assertEquals(1, all.getFirst().index());
        j.ack(4);
        assertEquals(expected(5, 10), texts(j.read(j.acked() + 1, 100, 0)));
        assertEquals(6, j.pending());
    }

    @Test
    void concurrentAppendsAllLandOnceWithConsecutiveIndices() throws Exception {
        EventJournal j = open(dirs(3), new EventJournal.Options(100_000, 1 << 20, 3));
        int threads = 32;
        int each = 50;
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * each;
                fs.add(ex.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        j.append(event(base + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        List<JournalEntry> all = j.read(1, 10_000, 0);
        assertEquals(threads * each, all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).index());
        }
        assertEquals(expected(0, threads * each - 1), texts(all).stream().sorted(
                Comparator.comparingInt(s -> Integer.parseInt(s.substring(6)))).toList());
    }

    @Test
    void aRestartResumesAfterTheAcknowledgedPosition() throws Exception {
        EventJournal first = open(dirs(2), SMALL);
        for (int i = 1; i <= 200; i++) {
            first.append(event(i));
        }
        first.ack(120);
        first.close();
        open.remove(first);

        EventJournal again = open(dirs(2), SMALL);
        assertEquals(120, again.acked());
        assertEquals(expected(121, 200), texts(again.read(again.acked() + 1, 1000, 0)));
        again.append(event(201));
        List<JournalEntry> tail = again.read(200, 10, 0);
        assertEquals(List.of("event-200", "event-201"), texts(tail));
        assertEquals(201, tail.getLast().index());
    }

    @Test
    void aTornLastRecordIsIgnoredAndTheQueueGoesOn() throws Exception {
        EventJournal first = open(dirs(1), SMALL);
        for (int i = 1; i <= 5; i++) {
            first.append(event(i));
        }
        first.close();
        open.remove(first);
        // a crash mid-append: half of a sixth record at the end of the segment
        Path segment = segments(dirs(1).getFirst()).getLast();
        byte[] sixth = "event-6-never-acknowledged".getBytes(StandardCharsets.UTF_8);
        ByteBuffer torn = ByteBuffer.allocate(SegmentFormat.RECORD_OVERHEAD + sixth.length);
        SegmentFormat.putRecord(torn, 6, sixth);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            ch.write(torn.flip().limit(SegmentFormat.RECORD_OVERHEAD + 10));
        }

        EventJournal again = open(dirs(1), SMALL);
        assertEquals(expected(1, 5), texts(again.read(1, 100, 0)));
        again.append(event(7));
        List<JournalEntry> all = again.read(1, 100, 0);
        assertEquals(List.of("event-1", "event-2", "event-3", "event-4", "event-5", "event-7"), texts(all));
        assertEquals(6, all.getLast().index());
    }

    @Test
    void aRecordWithABadChecksumEndsItsSegment() throws Exception {
        EventJournal first = open(dirs(1), SMALL);
        for (int i = 1; i <= 3; i++) {
            first.append(event(i));
        }
        first.close();
        open.remove(first);
        Path segment = segments(dirs(1).getFirst()).getLast();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 0x55; // the last payload byte of event 3
        Files.write(segment, bytes);
        EventJournal again = open(dirs(1), SMALL);
        assertEquals(expected(1, 2), texts(again.read(1, 100, 0)));
    }

    @Test
    void aFullQueueRefusesAppendsUntilTheTargetCatchesUp() throws Exception {
        EventJournal j = open(dirs(2), new EventJournal.Options(10, 4096, 2));
        for (int i = 1; i <= 10; i++) {
            j.append(event(i));
        }
        assertThrows(QueueFullException.class, () -> j.append(event(11)));
        j.ack(5);
        j.append(event(11));
        assertEquals(6, j.pending());
    }

    @Test
    void acknowledgedSegmentsAreDeletedOnEveryCopy() throws Exception {
        EventJournal j = open(dirs(2), new EventJournal.Options(10_000, 512, 2));
        for (int i = 1; i <= 300; i++) {
            j.append(event(i));
        }
        int before = segments(dirs(2).get(0)).size();
        assertTrue(before > 5, "segments roll at 512 bytes: " + before);
        j.ack(300);
        for (Path d : dirs(2)) {
            assertEquals(1, segments(d).size(), "only the active segment is left in " + d);
        }
    }

    @Test
    void everyCopyHoldsEveryEventSoOneLostDriveLosesNothing() throws Exception {
        EventJournal first = open(dirs(2), SMALL);
        for (int i = 1; i <= 50; i++) {
            first.append(event(i));
        }
        first.close();
        open.remove(first);
        deleteTree(dir.resolve("d1")); // the drive of the first copy is gone (wiped)

        EventJournal again = open(dirs(2), SMALL);
        assertEquals(expected(1, 50), texts(again.read(1, 100, 0)));
    }

    @Test
    void anOfflineDriveDoesNotStopTheQueue() throws Exception {
        List<Path> dirs = dirs(3);
        EventJournal j = open(dirs, new EventJournal.Options(1_000, 64, 2)); // every batch starts a segment
        j.append(event(1));
        // the first copy's drive fails: its directory becomes a file, so no new segment can be made there
        deleteTree(dir.resolve("d1"));
        Files.createDirectories(dir.resolve("d1/.cairn.sys/events"));
        Files.writeString(dirs.getFirst(), "not a directory");
        for (int i = 2; i <= 20; i++) {
            j.append(event(i));
        }
        assertEquals(expected(1, 20), texts(j.read(1, 100, 0)));
        assertEquals(2, j.activeCopies(), "the spare directory took over");
        assertTrue(segments(dirs.get(2)).size() >= 1);
    }

    @Test
    void readsSwitchToAnotherCopyWhenOneLacksRecords() throws Exception {
        EventJournal first = open(dirs(2), SMALL);
        for (int i = 1; i <= 10; i++) {
            first.append(event(i));
        }
        first.close();
        open.remove(first);
        // the first copy lost its tail (a torn write that only it suffered)
        Path segment = segments(dirs(2).getFirst()).getLast();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 12);
        }
        EventJournal again = open(dirs(2), SMALL);
        assertEquals(expected(1, 10), texts(again.read(1, 100, 0)));
    }

    @Test
    void aNewerMajorFormatIsRefused() throws Exception {
        Path d = dirs(1).getFirst();
        Files.createDirectories(d);
        ByteBuffer header = SegmentFormat.header(1, 1);
        header.put(4, (byte) (SegmentFormat.MAJOR + 1));
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(header.array(), 0, SegmentFormat.HEADER_BYTES - 4);
        header.putInt(SegmentFormat.HEADER_BYTES - 4, (int) crc.getValue()); // a valid header of a newer format
        Files.write(d.resolve(SegmentFormat.fileName(1, 1)), header.array());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(dirs(1), SMALL));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void readWaitsForTheNextAppend() throws Exception {
        EventJournal j = open(dirs(1), SMALL);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
                j.append(event(1));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(List.of("event-1"), texts(j.read(1, 10, 10_000)));
        assertEquals(List.of(), j.read(2, 10, 10));
    }

    @Test
    void placesFilledOutOfOrderAreWrittenInTheOrderTheyWereTaken() throws Exception {
        EventJournal j = open(dirs(2), SMALL);
        EventJournal.Reservation a = j.reserve();
        EventJournal.Reservation b = j.reserve();
        EventJournal.Reservation c = j.reserve();
        c.fillLazily(event(3));
        b.fillLazily(event(2));
        assertEquals(List.of(), j.read(1, 10, 50), "nothing can be read past a place still being filled");
        a.fillLazily(event(1));
        assertEquals(List.of("event-1", "event-2", "event-3"), texts(j.read(1, 10, 10_000)));
        assertEquals(List.of(1L, 2L, 3L), j.read(1, 10, 0).stream().map(JournalEntry::index).toList());
        assertThrows(IllegalStateException.class, () -> a.fillLazily(event(9)), "a place is filled once");
    }

    @Test
    void aCancelledPlaceIsAVoidThatKeepsTheIndicesConsecutive() throws Exception {
        EventJournal j = open(dirs(1), SMALL);
        j.reserve().cancel();
        j.append(event(2));
        List<JournalEntry> read = j.read(1, 10, 10_000);
        assertEquals(2, read.size());
        assertTrue(read.get(0).isVoid());
        assertEquals("event-2", new String(read.get(1).payload(), StandardCharsets.UTF_8));
        EventJournal.Reservation r = j.reserve();
        assertThrows(IllegalArgumentException.class, () -> r.fillLazily(new byte[] {0}),
                "an event may not look like a void");
        r.cancel(); // an unfilled place would hold the journal's close
    }

    @Test
    void awaitStoredWaitsForEveryPlaceTakenBeforeIt() throws Exception {
        EventJournal j = open(dirs(2), SMALL);
        j.reserve().fillLazily(event(1));
        EventJournal.Reservation slow = j.reserve();
        CompletableFuture<Void> barrier = CompletableFuture.runAsync(() -> {
            try {
                j.awaitStored();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThrows(TimeoutException.class, () -> barrier.get(200, TimeUnit.MILLISECONDS),
                "a place not filled yet holds the barrier");
        slow.fillLazily(event(2));
        barrier.get(10, TimeUnit.SECONDS);
        assertEquals(2, j.committed());
        j.reserve().cancel(); // an unfilled place would hold the journal's close
    }

    @Test
    void restorePutsBackOnlyWhatTheJournalHadNotReachedAndVoidsTheGaps() throws Exception {
        EventJournal first = open(dirs(2), SMALL);
        for (int i = 1; i <= 3; i++) {
            first.append(event(i));
        }
        first.close();
        open.remove(first);
        EventJournal j = open(dirs(2), SMALL);
        SortedMap<Long, byte[]> riders = new TreeMap<>(Map.of(2L, event(20), 5L, event(5), 6L, event(6)));
        assertEquals(2, j.restore(riders), "index 2 is in the journal already");
        List<JournalEntry> read = j.read(1, 10, 10_000);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), read.stream().map(JournalEntry::index).toList());
        assertEquals("event-2", new String(read.get(1).payload(), StandardCharsets.UTF_8), "the journal's own");
        assertTrue(read.get(3).isVoid(), "no rider held index 4: its commit never finished");
        assertEquals("event-6", new String(read.get(5).payload(), StandardCharsets.UTF_8));
        EventJournal.Reservation next = j.reserve();
        assertEquals(7, next.index(), "new places follow the restored ones");
        next.cancel();
    }

    static List<Path> segments(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
