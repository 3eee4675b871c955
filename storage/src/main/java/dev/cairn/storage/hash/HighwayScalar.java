package dev.cairn.storage.hash;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * HighwayHash packet absorption in plain {@code long} arithmetic: the reference engine, and the one that also
 * absorbs the synthetic packets of remainder handling and finalization.
 *
 * <p>State layout in the {@code long[16]} (shared with {@link HighwayVector} and {@link HighwayState}): lanes
 * 0..3 of {@code v0}, then {@code v1}, {@code mul0}, {@code mul1}. The loop keeps all sixteen words in locals and
 * writes them back once, so the per-packet cost is arithmetic only.
 *
 * <p>The hot loop reads only {@code byte[]}: when one compiled loop sees both heap and native memory segments,
 * C2's type profile goes polymorphic and throughput collapsed (0.3 GB/s instead of 0.9 GB/s here). Native input
 * is therefore copied through a small heap chunk, which costs a few percent.
 */
final class HighwayScalar {

    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Packets per copied chunk of native input: 8 KiB, small enough to stay in L1. */
    private static final int CHUNK_PACKETS = 256;

    private static final long LO32 = 0xFFFF_FFFFL;

    private HighwayScalar() {
    }

    /**
     * Absorbs {@code packets} whole 32-byte packets of {@code data} (any segment) starting at byte {@code offset},
     * copying them chunk by chunk into a heap array for {@link #update(long[], byte[], int, int)}.
     */
    static void updateCopying(long[] s, MemorySegment data, long offset, long packets) {
        byte[] chunk = new byte[(int) Math.min(packets, CHUNK_PACKETS) * HighwayState.PACKET];
        long done = 0;
        while (done < packets) {
            int n = (int) Math.min(packets - done, CHUNK_PACKETS);
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, offset + done * HighwayState.PACKET,
                    chunk, 0, n * HighwayState.PACKET);
            update(s, chunk, 0, n);
            done += n;
        }
    }

    /** Absorbs {@code packets} whole 32-byte packets of {@code data} starting at index {@code offset}. */
    static void update(long[] s, byte[] data, int offset, int packets) {
        long v00 = s[0], v01 = s[1], v02 = s[2], v03 = s[3];
        long v10 = s[4], v11 = s[5], v12 = s[6], v13 = s[7];
        long m00 = s[8], m01 = s[9], m02 = s[10], m03 = s[11];
        long m10 = s[12], m11 = s[13], m12 = s[14], m13 = s[15];
        int end = offset + packets * HighwayState.PACKET;
        for (int p = offset; p < end; p += HighwayState.PACKET) {
            v10 += m00 + (long) LE_LONG.get(data, p);
            v11 += m01 + (long) LE_LONG.get(data, p + 8);
            v12 += m02 + (long) LE_LONG.get(data, p + 16);
            v13 += m03 + (long) LE_LONG.get(data, p + 24);
            // 32x32->64-bit products of the low half of one vector and the high half of the other.
            m00 ^= (v10 & LO32) * (v00 >>> 32);
            m01 ^= (v11 & LO32) * (v01 >>> 32);
            m02 ^= (v12 & LO32) * (v02 >>> 32);
            m03 ^= (v13 & LO32) * (v03 >>> 32);
            v00 += m10;
            v01 += m11;
            v02 += m12;
            v03 += m13;
            m10 ^= (v00 & LO32) * (v10 >>> 32);
            m11 ^= (v01 & LO32) * (v11 >>> 32);
            m12 ^= (v02 & LO32) * (v12 >>> 32);
            m13 ^= (v03 & LO32) * (v13 >>> 32);
            v00 += zipperLow(v11, v10);
            v01 += zipperHigh(v11, v10);
            v02 += zipperLow(v13, v12);
            v03 += zipperHigh(v13, v12);
            v10 += zipperLow(v01, v00);
            v11 += zipperHigh(v01, v00);
            v12 += zipperLow(v03, v02);
            v13 += zipperHigh(v03, v02);
        }
        s[0] = v00; s[1] = v01; s[2] = v02; s[3] = v03;
        s[4] = v10; s[5] = v11; s[6] = v12; s[7] = v13;
        s[8] = m00; s[9] = m01; s[10] = m02; s[11] = m03;
        s[12] = m10; s[13] = m11; s[14] = m12; s[15] = m13;
    }

    /*
     * The zipper merge permutes the 16 bytes of the 128-bit value (hi:lo) so that the bytes most changed by the
     * multiplications move to where the next multiplication reads them. In byte indices (lo = 0..7, hi = 8..15) the
     * low result word takes bytes {3,12,2,5,14,1,15,0} and the high word {11,4,10,13,9,6,8,7}, least significant
     * first; HighwayVector.ZIPPER encodes the same table for a byte shuffle.
     */

    static long zipperLow(long hi, long lo) {
        return (((lo & byteMask(3)) + (hi & byteMask(4))) >>> 24)
                + (((lo & byteMask(5)) + (hi & byteMask(6))) >>> 16)
                + (lo & byteMask(2))
                + ((lo & byteMask(1)) << 32)
                + ((hi & byteMask(7)) >>> 8)
                + (lo << 56);
    }

    static long zipperHigh(long hi, long lo) {
        return (((hi & byteMask(3)) + (lo & byteMask(4))) >>> 24)
                + (hi & byteMask(2))
                + ((hi & byteMask(5)) >>> 16)
                + ((hi & byteMask(1)) << 24)
                + ((lo & byteMask(6)) >>> 8)
                + ((hi & byteMask(0)) << 48)
                + (lo & byteMask(7));
    }

    /** Mask of byte {@code i} (0 = least significant); a constant after inlining. */
    private static long byteMask(int i) {
        return 0xFFL << (8 * i);
    }
}
