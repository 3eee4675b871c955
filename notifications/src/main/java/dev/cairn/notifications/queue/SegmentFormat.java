package dev.cairn.notifications.queue;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk format of one journal segment file ({@code <generation>-<firstIndex>.seg}, both 16 hex digits):
 *
 * <pre>
 * header  "CEVQ" | major u8 (1) | minor u8 (0) | 2 bytes zero | generation i64 | firstIndex i64 | crc32c i32
 * record  payloadLength i32 | crc32c(index, payload) i32 | index i64 | payload
 * </pre>
 *
 * All integers big-endian. Records are appended in index order without gaps. A record whose length runs past
 * the end of the file or whose checksum fails ends the segment: that is a write a crash tore, never acknowledged.
 * A newer major version is refused; minor versions only add what older readers may ignore.
 */
final class SegmentFormat {
    static final int MAGIC = 0x43455651; // "CEVQ"
    static final int MAJOR = 1;
    static final int MINOR = 0;
    static final int HEADER_BYTES = 4 + 4 + 8 + 8 + 4;
    static final int RECORD_OVERHEAD = 4 + 4 + 8;
    /** Far above any event (S3 caps an event message at 64 KiB); a length past it is a torn or foreign record. */
    static final int MAX_PAYLOAD = 1 << 20;
    /**
     * The payload of a place given up (its commit failed): readers step over it. No event payload is one zero
     * byte (an event's starts with its key's length, four bytes).
     */
    static final byte[] VOID = {0};

    private SegmentFormat() {
    }

    static String fileName(long generation, long firstIndex) {
        return String.format("%016x-%016x.seg", generation, firstIndex);
    }

    /** {generation, firstIndex} from a segment's file name, or null for any other file. */
    static long[] parseName(String name) {
        if (name.length() != 37 || !name.endsWith(".seg") || name.charAt(16) != '-') {
            return null;
        }
        try {
            return new long[]{Long.parseUnsignedLong(name.substring(0, 16), 16),
                    Long.parseUnsignedLong(name.substring(17, 33), 16)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static ByteBuffer header(long generation, long firstIndex) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        b.putInt(MAGIC).put((byte) MAJOR).put((byte) MINOR).putShort((short) 0).putLong(generation)
                .putLong(firstIndex);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, HEADER_BYTES - 4);
        b.putInt((int) crc.getValue());
        return b.flip();
    }

    /**
     * Checks a header read from disk.
     *
     * @throws IllegalStateException for a newer major version (this node must not guess at it)
     * @return false when the header is torn or not ours
     */
    static boolean checkHeader(ByteBuffer b, long generation, long firstIndex) {
        if (b.remaining() < HEADER_BYTES || b.getInt(0) != MAGIC) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), b.arrayOffset(), HEADER_BYTES - 4);
        if ((int) crc.getValue() != b.getInt(HEADER_BYTES - 4)) {
            return false;
        }
        int major = b.get(4) & 0xFF;
        if (major > MAJOR) {
            throw new IllegalStateException("event queue segment format " + major + "." + (b.get(5) & 0xFF)
                    + " is newer than this node reads (" + MAJOR + "." + MINOR + "): upgrade the node");
        }
        return b.getLong(8) == generation && b.getLong(16) == firstIndex;
    }

    /** Appends one record to {@code out}, which has room for {@link #RECORD_OVERHEAD} + payload bytes. */
    static void putRecord(ByteBuffer out, long index, byte[] payload) {
        out.putInt(payload.length).putInt(checksum(index, payload)).putLong(index).put(payload);
    }

    static boolean isVoid(byte[] payload) {
        return payload.length == 1 && payload[0] == 0;
    }

    static int checksum(long index, byte[] payload) {
        CRC32C crc = new CRC32C();
        ByteBuffer i = ByteBuffer.allocate(8).putLong(0, index);
        crc.update(i);
        crc.update(payload);
        return (int) crc.getValue();
    }
}
