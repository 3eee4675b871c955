package dev.cairn.notifications.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Reads a segment's records in order from its start. {@link #next} returns null at the end of the valid records:
 * the end of the file, a torn record or a checksum that fails (what a crash mid-append leaves).
 */
final class SegmentReader implements AutoCloseable {
    private final Segment segment;
    private final FileChannel channel;
    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long position;
    private long expected;
    private boolean valid;

    SegmentReader(Segment segment) throws IOException {
        this.segment = segment;
        this.channel = FileChannel.open(segment.path, StandardOpenOption.READ);
        buffer.limit(0);
        ByteBuffer header = ByteBuffer.allocate(SegmentFormat.HEADER_BYTES);
        while (header.hasRemaining() && channel.read(header) > 0) {
            // a header is written whole before any record; a short one means a crash during creation
        }
        valid = SegmentFormat.checkHeader(header.flip(), segment.generation, segment.firstIndex);
        position = SegmentFormat.HEADER_BYTES;
        expected = segment.firstIndex;
    }

    Segment segment() {
        return segment;
    }

    /** The index the next record must have. */
    long nextIndex() {
        return expected;
    }

    /** Bytes of the segment up to the end of the last record returned. */
    long position() {
        return position;
    }

    JournalEntry next() throws IOException {
        if (!valid || !fill(SegmentFormat.RECORD_OVERHEAD)) {
            return null;
        }
        int length = buffer.getInt(buffer.position());
        int crc = buffer.getInt(buffer.position() + 4);
        long index = buffer.getLong(buffer.position() + 8);
        if (length <= 0 || length > SegmentFormat.MAX_PAYLOAD || index != expected
                || !fill(SegmentFormat.RECORD_OVERHEAD + length)) {
            valid = false;
            return null;
        }
        buffer.position(buffer.position() + SegmentFormat.RECORD_OVERHEAD);
        byte[] payload = new byte[length];
        buffer.get(payload);
        if (SegmentFormat.checksum(index, payload) != crc) {
            valid = false;
            return null;
        }
        position += SegmentFormat.RECORD_OVERHEAD + length;
        expected++;
        return new JournalEntry(index, payload);
    }

    /** Skips records up to (not including) {@code index}; false if the segment ends first. */
    boolean skipTo(long index) throws IOException {
        while (expected < index) {
            if (next() == null) {
                return false;
            }
        }
        return true;
    }

    /** Makes {@code n} bytes readable in the buffer (growing it for a large record); false at the end of the file. */
    private boolean fill(int n) throws IOException {
        if (buffer.remaining() >= n) {
            return true;
        }
        if (n > buffer.capacity()) {
            buffer = ByteBuffer.allocate(n).put(buffer).flip();
        }
        buffer.compact();
        while (buffer.position() < n) {
            if (channel.read(buffer) < 0) {
                buffer.flip();
                return false;
            }
        }
        buffer.flip();
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
