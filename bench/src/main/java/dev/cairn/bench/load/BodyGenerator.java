package dev.cairn.bench.load;

import dev.cairn.bench.load.http.BodySource;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The body of an object as a pure function of its (key, size): byte {@code p} is byte {@code p % 8} (little-endian)
 * of {@code mix(seed + (p / 8 + 1) * GOLDEN)}, a SplitMix64 counter stream. Being counter-based, any range can be
 * produced or checked independently, so bodies are streamed in chunks, multipart parts are slices, and a GET is
 * verified as it arrives without storing what was written. Immutable and thread-safe.
 */
final class BodyGenerator implements BodySource {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long seed;

    private BodyGenerator(long seed) {
        this.seed = seed;
    }

    /** The generator for object {@code key} of {@code size} bytes: a different size gives a different body. */
    static BodyGenerator of(String key, long size) {
        long h = 0xCBF29CE484222325L; // FNV-1a 64 over the key's UTF-8 bytes
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return new BodyGenerator(mix(h ^ (size * GOLDEN)));
    }

    private long word(long index) {
        return mix(seed + (index + 1) * GOLDEN);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private byte byteAt(long pos) {
        return (byte) (word(pos >>> 3) >>> ((pos & 7) << 3));
    }

    /** Writes body bytes {@code [pos, pos + len)} into {@code dst[off, off + len)}. */
    void fill(long pos, byte[] dst, int off, int len) {
        int end = off + len;
        while (off < end && (pos & 7) != 0) {
            dst[off++] = byteAt(pos++);
        }
        long index = pos >>> 3;
        while (end - off >= 8) {
            LONGS.set(dst, off, word(index++));
            off += 8;
        }
        pos = index << 3;
        while (off < end) {
            dst[off++] = byteAt(pos++);
        }
    }

    /** Puts body bytes {@code [pos, pos + len)} into {@code dst} at its position, 8 at a time where aligned. */
    @Override
    public void fill(long pos, ByteBuffer dst, int len) {
        ByteOrder order = dst.order();
        dst.order(ByteOrder.LITTLE_ENDIAN);
        long end = pos + len;
        while (pos < end && (pos & 7) != 0) {
            dst.put(byteAt(pos++));
        }
        while (end - pos >= 8) {
            dst.putLong(word(pos >>> 3));
            pos += 8;
        }
        while (pos < end) {
            dst.put(byteAt(pos++));
        }
        dst.order(order);
    }

    /** A new array holding body bytes {@code [pos, pos + len)}. */
    byte[] bytes(long pos, int len) {
        byte[] out = new byte[len];
        fill(pos, out, 0, len);
        return out;
    }

    /**
     * Compares the remaining bytes of {@code buf} (not consumed) with body bytes starting at {@code pos}.
     *
     * @return -1 when they are equal, else the body position of the first byte that differs
     */
    long mismatch(long pos, ByteBuffer buf) {
        return mismatch(pos, buf.duplicate().order(ByteOrder.LITTLE_ENDIAN), buf.position(), buf.remaining());
    }

    /**
     * Compares bytes {@code [from, from + length)} of {@code b}, a little-endian buffer, with body bytes starting at
     * {@code pos}; the buffer's position is not used or changed.
     *
     * @return -1 when they are equal, else the body position of the first byte that differs
     */
    long mismatch(long pos, ByteBuffer b, int from, int length) {
        if (b.order() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalArgumentException("the buffer must be little-endian");
        }
        int i = from;
        int end = from + length;
        while (i < end && (pos & 7) != 0) {
            if (b.get(i) != byteAt(pos)) {
                return pos;
            }
            i++;
            pos++;
        }
        while (end - i >= 8) {
            if (b.getLong(i) != word(pos >>> 3)) {
                break; // locate the exact byte below
            }
            i += 8;
            pos += 8;
        }
        while (i < end) {
            if (b.get(i) != byteAt(pos)) {
                return pos;
            }
            i++;
            pos++;
        }
        return -1;
    }
}
