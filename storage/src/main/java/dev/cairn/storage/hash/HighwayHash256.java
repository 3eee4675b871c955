package dev.cairn.storage.hash;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * HighwayHash (Google, "HighwayHash: fast hashing at over 10 GB/s per core") with 256-bit output: Cairn's bitrot
 * checksum for every shard block. Output is bit-identical to the reference implementation: the 4 result words
 * written little-endian, i.e. the reference's {@code HHResult256} memory layout on a little-endian machine.
 *
 * <p>Two forms: the static one-shot {@code hash} methods (thread-safe, no shared state) and a streaming instance
 * (not thread-safe; one per thread or per block being verified). Both use {@link HighwayImpl#best()} unless an
 * engine is named; all engines give the same result.
 *
 * <p>Keys are four {@code long}s; the key array is read when hashing starts and never retained by the one-shot
 * form (the streaming form keeps a copy).
 */
public final class HighwayHash256 {

    /** Hash length in bytes. */
    public static final int HASH_BYTES = 32;

    /**
     * The bitrot key; part of Cairn's on-disk format and must never change (or be modified in place). Derived as
     * the SHA-256 of the 15 ASCII bytes {@code "cairn bitrot v1"}
     * ({@code c97257bbaa4348ea96f55729ca2380eedd65c8e9f244e4bc743442451e7d0159}), split into four 8-byte words each
     * read little-endian. The tests recompute this derivation.
     */
    public static final long[] BITROT_KEY = {
        0xEA4843AABB5772C9L, 0xEE8023CA2957F596L, 0xBCE444F2E9C865DDL, 0x59017D1E45423474L};

    private final long[] key;
    private final HighwayImpl impl;
    private final long[] state = new long[HighwayState.STATE_WORDS];
    /** Bytes of a packet not yet absorbed; always fewer than 32 between calls. */
    private final byte[] pending = new byte[HighwayState.PACKET];
    private int pendingLength;

    /** A streaming hasher using {@link HighwayImpl#best()}. */
    public HighwayHash256(long[] key) {
        this(key, HighwayImpl.best());
    }

    /** A streaming hasher using the given engine; fails if that engine is not available in this JVM. */
    public HighwayHash256(long[] key, HighwayImpl impl) {
        this.key = HighwayState.checkKey(key).clone();
        this.impl = Objects.requireNonNull(impl, "impl");
        impl.requireAvailable();
        reset();
    }

    /** Returns to the state of a new instance with the same key: all input so far is discarded. */
    public void reset() {
        HighwayState.init(state, key);
        pendingLength = 0;
    }

    /** Absorbs {@code b[off..off+len)}. */
    public void update(byte[] b, int off, int len) {
        update(HighwayInput.of(b, off, len));
    }

    /** Absorbs {@code data}'s remaining bytes and advances its position to its limit, like MessageDigest. */
    public void update(ByteBuffer data) {
        update(HighwayInput.of(data));
        data.position(data.limit());
    }

    /**
     * Writes the hash of everything absorbed since the last reset to {@code out[off..off+32)}, then resets, so
     * the instance is ready for the next block.
     */
    public void finish(byte[] out, int off) {
        Objects.checkFromIndexSize(off, HASH_BYTES, out.length);
        if (pendingLength > 0) {
            HighwayState.remainder(state, pending, pendingLength);
        }
        HighwayState.finish256(state, impl, out, off);
        reset();
    }

    private void update(HighwayInput data) {
        long length = data.length();
        long offset = 0;
        if (pendingLength > 0) {
            int take = (int) Math.min(HighwayState.PACKET - pendingLength, length);
            data.copyTo(0, pending, pendingLength, take);
            pendingLength += take;
            offset = take;
            if (pendingLength < HighwayState.PACKET) {
                return;
            }
            HighwayInput.of(pending, 0, HighwayState.PACKET).absorb(impl, state, 0, 1);
            pendingLength = 0;
        }
        long packets = (length - offset) / HighwayState.PACKET;
        data.absorb(impl, state, offset, packets);
        offset += packets * HighwayState.PACKET;
        pendingLength = (int) (length - offset);
        data.copyTo(offset, pending, 0, pendingLength);
    }

    /** One-shot hash of {@code data}'s remaining bytes (position unchanged) into {@code out[outOffset..+32)}. */
    public static void hash(long[] key, ByteBuffer data, byte[] out, int outOffset) {
        hash(HighwayImpl.best(), key, data, out, outOffset);
    }

    /** As {@link #hash(long[], ByteBuffer, byte[], int)} with a chosen engine. */
    public static void hash(HighwayImpl impl, long[] key, ByteBuffer data, byte[] out, int outOffset) {
        hash(impl, key, HighwayInput.of(data), out, outOffset);
    }

    /** One-shot hash of {@code data[off..off+len)}; returns the 32-byte hash. */
    public static byte[] hash(long[] key, byte[] data, int off, int len) {
        return hash(HighwayImpl.best(), key, data, off, len);
    }

    /** As {@link #hash(long[], byte[], int, int)} with a chosen engine. */
    public static byte[] hash(HighwayImpl impl, long[] key, byte[] data, int off, int len) {
        byte[] out = new byte[HASH_BYTES];
        hash(impl, key, HighwayInput.of(data, off, len), out, 0);
        return out;
    }

    private static void hash(HighwayImpl impl, long[] key, HighwayInput data, byte[] out, int outOffset) {
        impl.requireAvailable();
        Objects.checkFromIndexSize(outOffset, HASH_BYTES, out.length);
        long[] s = new long[HighwayState.STATE_WORDS];
        HighwayState.init(s, HighwayState.checkKey(key));
        long packets = data.length() / HighwayState.PACKET;
        data.absorb(impl, s, 0, packets);
        int tail = (int) (data.length() - packets * HighwayState.PACKET);
        if (tail > 0) {
            byte[] last = new byte[HighwayState.PACKET];
            data.copyTo(packets * HighwayState.PACKET, last, 0, tail);
            HighwayState.remainder(s, last, tail);
        }
        HighwayState.finish256(s, impl, out, outOffset);
    }
}
