package dev.cairn.notifications.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One copy of a journal: a directory on one drive ({@code <drive>/.cairn.sys/events/<target>/}) holding segment
 * files and the {@code ack} file. Appends go to one active segment; a copy whose write fails is dropped by the
 * journal until it can be written again (then in a new segment).
 */
final class JournalCopy {
    static final String ACK_FILE = "ack";
    private static final int ACK_MAGIC = 0x4345564B; // "CEVK"

    final Path dir;
    private FileChannel active;
    private volatile Segment activeSegment;

    JournalCopy(Path dir) {
        this.dir = dir;
    }

    /** Every segment in the directory with the indices its valid records hold (a torn tail is left out). */
    List<Segment> scan() throws IOException {
        Files.createDirectories(dir);
        List<Segment> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.seg")) {
            for (Path p : files) {
                long[] name = SegmentFormat.parseName(p.getFileName().toString());
                if (name == null) {
                    continue;
                }
                Segment s = new Segment(this, p, name[0], name[1], name[1] - 1, SegmentFormat.HEADER_BYTES);
                try (SegmentReader r = new SegmentReader(s)) {
                    while (r.next() != null) {
                        // counting the valid records
                    }
                    s.lastIndex = r.nextIndex() - 1;
                    s.size = r.position();
                }
                out.add(s);
            }
        }
        return out;
    }

    /** Starts a new active segment (header written and synced, directory synced so the name survives a crash). */
    Segment open(long generation, long firstIndex) throws IOException {
        closeActive();
        Files.createDirectories(dir);
        Path p = dir.resolve(SegmentFormat.fileName(generation, firstIndex));
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            writeFully(ch, SegmentFormat.header(generation, firstIndex));
            ch.force(true);
            syncDir(dir);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        active = ch;
        activeSegment = new Segment(this, p, generation, firstIndex, firstIndex - 1, SegmentFormat.HEADER_BYTES);
        return activeSegment;
    }

    Segment activeSegment() {
        return activeSegment;
    }

    /**
     * Appends a batch of encoded records to the active segment and, with {@code force}, forces it to stable
     * storage; only then does the segment claim them ({@code lastIndex}).
     */
    void append(ByteBuffer records, long lastIndex, boolean force) throws IOException {
        if (active == null) {
            throw new IOException("no active segment in " + dir);
        }
        int n = records.remaining();
        writeFully(active, records);
        if (force) {
            force();
        }
        activeSegment.size += n;
        activeSegment.lastIndex = lastIndex;
    }

    /** Forces what was appended to the active segment to stable storage. */
    void force() throws IOException {
        if (active == null) {
            throw new IOException("no active segment in " + dir);
        }
        active.force(false); // fdatasync: the data and the file length, which is all a reader needs
    }

    void closeActive() {
        if (active != null) {
            try {
                active.close();
            } catch (IOException ignored) {
                // closing a channel of a failed drive: nothing left to save
            }
            active = null;
            activeSegment = null;
        }
    }

    /** The acknowledged index this copy recorded, 0 when none (or unreadable: the other copies may know). */
    long readAck() {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(ACK_FILE)));
            if (b.remaining() != 16 || b.getInt(0) != ACK_MAGIC || ackChecksum(b.getLong(4)) != b.getInt(12)) {
                return 0;
            }
            return b.getLong(4);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Records the acknowledged index. Not synced: losing it to a crash only sends some events again, which
     * at-least-once delivery allows; replaced atomically so a crash never leaves half a file.
     */
    void writeAck(long index) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16).putInt(ACK_MAGIC).putLong(index).putInt(ackChecksum(index));
        Path tmp = dir.resolve(ACK_FILE + ".tmp");
        Files.write(tmp, b.array());
        Files.move(tmp, dir.resolve(ACK_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int ackChecksum(long index) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, index));
        return (int) crc.getValue();
    }

    void delete(Segment s) throws IOException {
        Files.deleteIfExists(s.path);
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static void syncDir(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
