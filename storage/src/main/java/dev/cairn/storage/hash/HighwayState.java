package dev.cairn.storage.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The parts of HighwayHash that run once per hash: key setup, the length-padded last partial packet and the
 * 256-bit finalization. They feed synthetic packets through {@link HighwayScalar}, so the mixing function exists
 * once in scalar form. State layout: see {@link HighwayScalar}.
 */
final class HighwayState {

    static final int PACKET = 32;
    static final int STATE_WORDS = 16;

    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The algorithm's fixed initial multipliers (hex digits of pi), part of the definition of HighwayHash. */
    private static final long[] INIT0 = {
        0xdbe6d5d5fe4cce2fL, 0xa4093822299f31d0L, 0x13198a2e03707344L, 0x243f6a8885a308d3L};
    private static final long[] INIT1 = {
        0x3bd39e10cb0ef593L, 0xc0acf169b5f18a8cL, 0xbe5466cf34e90c6cL, 0x452821e638d01377L};

    private static final int FINAL_ROUNDS_256 = 10;

    private HighwayState() {
    }

    static long[] checkKey(long[] key) {
        if (key == null || key.length != 4) {
            throw new IllegalArgumentException("HighwayHash key must be 4 longs");
        }
        return key;
    }

    /** Resets {@code s} to the keyed initial state. */
    static void init(long[] s, long[] key) {
        for (int i = 0; i < 4; i++) {
            s[i] = INIT0[i] ^ key[i];
            s[4 + i] = INIT1[i] ^ Long.rotateLeft(key[i], 32);
            s[8 + i] = INIT0[i];
            s[12 + i] = INIT1[i];
        }
    }

    /**
     * Absorbs the final {@code len} (1..31) bytes {@code tail[0..len)}. The length is injected into the state
     * and the bytes are laid out exactly as the reference does (its layout is frozen, not just any padding): whole
     * 4-byte words first, then either the last four input bytes at packet offset 28 (when len >= 16) or a
     * three-byte sample of the last 1..3 bytes at offset 16.
     */
    static void remainder(long[] s, byte[] tail, int len) {
        long lenPair = ((long) len << 32) + len;
        for (int i = 0; i < 4; i++) {
            s[i] += lenPair;
            long v1 = s[4 + i];
            long lo = Integer.rotateLeft((int) v1, len) & 0xFFFF_FFFFL;
            long hi = Integer.rotateLeft((int) (v1 >>> 32), len) & 0xFFFF_FFFFL;
            s[4 + i] = (hi << 32) | lo;
        }
        byte[] packet = new byte[PACKET];
        int words = len & ~3;
        int mod4 = len & 3;
        System.arraycopy(tail, 0, packet, 0, words);
        if ((len & 16) != 0) {
            System.arraycopy(tail, len - 4, packet, 28, 4);
        } else if (mod4 != 0) {
            packet[16] = tail[words];
            packet[17] = tail[words + (mod4 >> 1)];
            packet[18] = tail[words + mod4 - 1];
        }
        HighwayScalar.update(s, packet, 0, 1);
    }

    /**
     * Finalizes {@code s} (which is consumed) and writes the 256-bit hash little-endian at {@code out[off..off+32)}.
     * The vector engine runs the rounds itself: in scalar they would cost as much as hashing ~350 more bytes.
     */
    static void finish256(long[] s, HighwayImpl impl, byte[] out, int off) {
        if (impl == HighwayImpl.VECTOR) {
            HighwayVector.permuteAndUpdate(s, FINAL_ROUNDS_256);
        } else {
            permuteAndUpdateScalar(s);
        }
        writeReduced(s, 0, out, off);
        writeReduced(s, 2, out, off + 16);
    }

    private static void permuteAndUpdateScalar(long[] s) {
        byte[] packet = new byte[PACKET];
        for (int round = 0; round < FINAL_ROUNDS_256; round++) {
            // Permute v0: swap 128-bit halves and rotate each 64-bit lane by 32.
            LE_LONG.set(packet, 0, Long.rotateLeft(s[2], 32));
            LE_LONG.set(packet, 8, Long.rotateLeft(s[3], 32));
            LE_LONG.set(packet, 16, Long.rotateLeft(s[0], 32));
            LE_LONG.set(packet, 24, Long.rotateLeft(s[1], 32));
            HighwayScalar.update(s, packet, 0, 1);
        }
    }

    /**
     * Reduces the 256-bit value (v1+mul1 : v0+mul0) of lanes {@code lane, lane+1} modulo x^128 + x^2 + x and
     * writes the 128-bit result as two little-endian words. The top two bits are cleared first, as the reference
     * does, so the shifts by 1 and 2 lose nothing.
     */
    private static void writeReduced(long[] s, int lane, byte[] out, int off) {
        long a0 = s[lane] + s[8 + lane];
        long a1 = s[lane + 1] + s[8 + lane + 1];
        long a2 = s[4 + lane] + s[12 + lane];
        long a3 = (s[4 + lane + 1] + s[12 + lane + 1]) & 0x3FFF_FFFF_FFFF_FFFFL;
        long m1 = a1 ^ ((a3 << 1) | (a2 >>> 63)) ^ ((a3 << 2) | (a2 >>> 62));
        long m0 = a0 ^ (a2 << 1) ^ (a2 << 2);
        LE_LONG.set(out, off, m0);
        LE_LONG.set(out, off + 8, m1);
    }
}
