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
 * 0..3 of {@code v0}, then {@code v1}, {@code mul0}, {@code mul1}.
 *
 * <p>Packet absorption never mixes lanes 0,1 with lanes 2,3 (the zipper merge works within a 128-bit half; only
 * finalization's permutation crosses halves). So each chunk is absorbed in two passes, one per lane pair: eight
 * live state words fit in registers, where sixteen spilled, which took 0.9 GB/s to 1.1 GB/s here. Chunks are
 * small so the second pass reads from L1.
 *
 * <p>The hot loop reads only {@code byte[]}: when one compiled loop sees both heap and native memory segments,
 * C2's type profile goes polymorphic and throughput collapsed (0.3 GB/s instead of 0.9 GB/s here). Native input
 * is therefore copied through a small heap chunk, which costs a few percent.
 */
final class HighwayScalar {

    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Packets per chunk (8 KiB): the unit of the two lane-pair passes and of copying native input; fits L1. */
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
        for (int done = 0; done < packets; done += CHUNK_PACKETS) {
            int n = Math.min(packets - done, CHUNK_PACKETS);
            int chunkOffset = offset + done * HighwayState.PACKET;
            updateLanePair(s, 0, data, chunkOffset, n);
            updateLanePair(s, 2, data, chunkOffset, n);
        }
    }

    /** Absorbs lanes {@code lane} and {@code lane + 1} of each packet; the other two lanes are untouched. */
    private static void updateLanePair(long[] s, int lane, byte[] data, int offset, int packets) {
        long v0a = s[lane], v0b = s[lane + 1];
        long v1a = s[4 + lane], v1b = s[5 + lane];
        long mul0a = s[8 + lane], mul0b = s[9 + lane];
        long mul1a = s[12 + lane], mul1b = s[13 + lane];
        int start = offset + 8 * lane;
        int end = start + packets * HighwayState.PACKET;
        for (int p = start; p < end; p += HighwayState.PACKET) {
            v1a += mul0a + (long) LE_LONG.get(data, p);
            v1b += mul0b + (long) LE_LONG.get(data, p + 8);
            // 32x32->64-bit products of the low half of one vector and the high half of the other.
            mul0a ^= (v1a & LO32) * (v0a >>> 32);
            mul0b ^= (v1b & LO32) * (v0b >>> 32);
            v0a += mul1a;
            v0b += mul1b;
            mul1a ^= (v0a & LO32) * (v1a >>> 32);
            mul1b ^= (v0b & LO32) * (v1b >>> 32);
            v0a += zipperLow(v1b, v1a);
            v0b += zipperHigh(v1b, v1a);
            v1a += zipperLow(v0b, v0a);
            v1b += zipperHigh(v0b, v0a);
        }
        s[lane] = v0a;
        s[lane + 1] = v0b;
        s[4 + lane] = v1a;
        s[5 + lane] = v1b;
        s[8 + lane] = mul0a;
        s[9 + lane] = mul0b;
        s[12 + lane] = mul1a;
        s[13 + lane] = mul1b;
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
