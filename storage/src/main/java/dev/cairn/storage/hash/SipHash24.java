package dev.cairn.storage.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * SipHash-2-4 (Aumasson and Bernstein) with 64-bit output: maps object names to erasure sets, so its output for
 * a given key and name is part of Cairn's placement format. Matches the reference {@code siphash.c}: the 128-bit
 * key is two little-endian words {@code k0 = key[0..8)}, {@code k1 = key[8..16)}, message words are read
 * little-endian, and the 64-bit result as bytes is its little-endian encoding. Stateless and thread-safe.
 */
public final class SipHash24 {

    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private SipHash24() {
    }

    /** SipHash-2-4 of {@code key16} (16 bytes) and the whole of {@code data}. */
    public static long hash(byte[] key16, byte[] data) {
        if (key16.length != 16) {
            throw new IllegalArgumentException("SipHash key must be 16 bytes, was " + key16.length);
        }
        return hash((long) LE_LONG.get(key16, 0), (long) LE_LONG.get(key16, 8), data, 0, data.length);
    }

    /** SipHash-2-4 of {@code data[off..off+len)} under the key words {@code (k0, k1)}. */
    public static long hash(long k0, long k1, byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        State st = new State(k0, k1);
        int end = off + len;
        int wordsEnd = off + (len & ~7);
        for (int i = off; i < wordsEnd; i += 8) {
            st.compress((long) LE_LONG.get(data, i));
        }
        // Last block: the 0..7 remaining bytes little-endian, with len mod 256 in the top byte.
        long last = (long) len << 56;
        for (int i = wordsEnd; i < end; i++) {
            last |= (data[i] & 0xFFL) << (8 * (i - wordsEnd));
        }
        st.compress(last);
        return st.finish();
    }

    /** The four-word SipHash state; small enough for escape analysis to keep it in registers. */
    private static final class State {
        private long v0;
        private long v1;
        private long v2;
        private long v3;

        State(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L; // "somepseudorandomlygeneratedbytes"
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        void compress(long m) {
            v3 ^= m;
            rounds(2);
            v0 ^= m;
        }

        long finish() {
            v2 ^= 0xFF;
            rounds(4);
            return v0 ^ v1 ^ v2 ^ v3;
        }

        private void rounds(int n) {
            for (int r = 0; r < n; r++) {
                v0 += v1;
                v1 = Long.rotateLeft(v1, 13) ^ v0;
                v0 = Long.rotateLeft(v0, 32);
                v2 += v3;
                v3 = Long.rotateLeft(v3, 16) ^ v2;
                v0 += v3;
                v3 = Long.rotateLeft(v3, 21) ^ v0;
                v2 += v1;
                v1 = Long.rotateLeft(v1, 17) ^ v2;
                v2 = Long.rotateLeft(v2, 32);
            }
        }
    }
}
