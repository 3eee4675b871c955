package dev.cairn.storage.drive;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Bytes that ride along in the meta-journal records of one commit on the node's own drives, so that whatever
 * they describe is durable exactly when the commit is, with no sync of its own. The notification queue uses it:
 * an event's record rides in its commit's journal append, and the queue itself is synced later, in the
 * background, before any journal segment holding a rider is deleted ({@link #registerBarrier}).
 *
 * <p>A rider is bound for the length of a commit's drive calls with {@link #carrying} (the erasure layer also
 * carries it onto the threads it runs drive calls on, {@link #carriedInto}); every {@link LocalDrive} that
 * journals a record in that scope stores the rider's bytes in the record and counts itself once the record is
 * durable ({@link #durableCopies}). Drives of other nodes do not carry it: a crashed node recovers from its own
 * drives.
 *
 * <p>After a crash the journal replay collects the riders of every record it replays and saves them to a
 * {@code .riders} file in the journal directory (synced) before it deletes the segments; the notification
 * wiring reads those files at start ({@link #pendingFiles}, {@link #read}), puts back what its queues lost and
 * deletes them. Riders are opaque here; their owner encodes and decodes them.
 */
public final class JournalRider {
    private static final ScopedValue<JournalRider> CURRENT = ScopedValue.newInstance();
    private static final List<Runnable> BARRIERS = new CopyOnWriteArrayList<>();
    static final String FILE_SUFFIX = ".riders";
    private static final int FILE_MAGIC = 0x43524452; // "CRDR"

    private final byte[] bytes;
    private final Set<Object> carriers = ConcurrentHashMap.newKeySet();

    /** A rider of {@code bytes}, which the caller hands over (not copied: it must not change them afterwards). */
    public JournalRider(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("a rider needs bytes to carry");
        }
        this.bytes = bytes;
    }

    /** Runs {@code call} with {@code rider} (null: none) carried by the journal records it writes on local drives. */
    public static <T> T carrying(JournalRider rider, Supplier<T> call) {
        if (rider == null) {
            return call.get();
        }
        return ScopedValue.where(CURRENT, rider).call(call::get);
    }

    /** {@code task}, to run on another thread with the rider (if any) bound on this one. */
    public static Runnable carriedInto(Runnable task) {
        if (!CURRENT.isBound()) {
            return task;
        }
        JournalRider rider = CURRENT.get();
        return () -> ScopedValue.where(CURRENT, rider).run(task);
    }

    /** The rider bound on this thread, or null. */
    static JournalRider current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    byte[] bytes() {
        return bytes;
    }

    /** A drive's journal holds the rider durably (counted once per drive however many records carried it). */
    void carriedBy(Object drive) {
        carriers.add(drive);
    }

    /** How many of this node's drives hold the rider durably in their meta journal. */
    public int durableCopies() {
        return carriers.size();
    }

    // ---- before a journal segment goes

    /**
     * Registers what must run before any meta-journal segment is deleted (a checkpoint): it returns once everything
     * riders carried so far is durable where its owner keeps it. Returns what unregisters it.
     */
    public static Runnable registerBarrier(Runnable barrier) {
        BARRIERS.add(barrier);
        return () -> BARRIERS.remove(barrier);
    }

    static void runBarriers() {
        for (Runnable b : BARRIERS) {
            b.run();
        }
    }

    // ---- riders a replay found

    /** The {@code .riders} files replays left on the drive at {@code driveRoot}, oldest first. */
    public static List<Path> pendingFiles(Path driveRoot) {
        Path dir = driveRoot.resolve(Drive.SYSTEM_VOLUME).resolve(MetaJournal.DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(FILE_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The riders in a {@code .riders} file; an incomplete file (a crash while it was written) yields what is whole. */
    public static List<byte[]> read(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readInt() != FILE_MAGIC) {
                return out;
            }
            while (true) {
                int length = in.readInt();
                int crc = in.readInt();
                if (length <= 0 || length > (64 << 20)) {
                    return out;
                }
                byte[] r = in.readNBytes(length);
                if (r.length != length || crc32c(r) != crc) {
                    return out;
                }
                out.add(r);
            }
        } catch (EOFException end) {
            return out;
        }
    }

    /** Writes {@code riders} to {@code file} and makes file and name durable (before the journal segments go). */
    static void write(Path file, List<byte[]> riders) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(FILE_MAGIC);
        for (byte[] r : riders) {
            out.writeInt(r.length);
            out.writeInt(crc32c(r));
            out.write(r);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray());
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        LocalDrive.syncDir(file.getParent());
    }

    private static int crc32c(byte[] b) {
        CRC32C crc = new CRC32C();
        crc.update(b);
        return (int) crc.getValue();
    }
}
