package dev.cairn.storage.hash;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * HighwayHash packet absorption with the Vector API. Each state word's four lanes are held as two 128-bit halves
 * (lanes 0-1 and 2-3): the zipper merge only moves bytes inside a half, so on a half it is one native byte shuffle
 * ({@code pshufb}), whereas on a whole 256-bit vector C2 without AVX-512 VBMI must emulate a byte shuffle that
 * may cross halves (two shuffles, a lane swap and a blend), which made the zipper the long pole of the packet
 * loop's dependency chain. The two halves are independent chains, so the CPU runs them side by side. Must produce
 * exactly what {@link HighwayScalar#update} produces for the same state and input; only reached through
 * {@link HighwayImpl#VECTOR}, since loading this class needs {@code jdk.incubator.vector}.
 */
final class HighwayVector {

    private static final VectorSpecies<Long> HALF = LongVector.SPECIES_128;
    private static final VectorSpecies<Byte> HALF_BYTES = ByteVector.SPECIES_128;

    /** The zipper-merge byte table of {@link HighwayScalar#zipperLow}/{@code zipperHigh}, for one 128-bit half. */
    private static final VectorShuffle<Byte> ZIPPER = VectorShuffle.fromValues(HALF_BYTES,
            3, 12, 2, 5, 14, 1, 15, 0, 11, 4, 10, 13, 9, 6, 8, 7);

    private static final long LO32 = 0xFFFF_FFFFL;

    private HighwayVector() {
    }

    /**
     * True when the CPU has 256-bit vectors (AVX2 on x86): the engine works on 128-bit halves, but it was measured
     * (and is chosen) only where wider vectors exist; elsewhere the scalar engine is the known quantity.
     */
    static boolean hasNative256BitVectors() {
        return LongVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    /**
     * Absorbs {@code packets} whole 32-byte packets of {@code data} starting at byte {@code offset}. {@code data}
     * must be native or backed by a {@code byte[]} (the Vector API rejects other heap segments). Unlike the scalar
     * loop this one stays fast when it sees both kinds.
     */
    static void update(long[] s, MemorySegment data, long offset, long packets) {
        absorb(s, data, offset, packets);
    }

    /**
     * The finalization rounds: each absorbs a permutation of {@code v0} as its packet (lanes 2, 3, 0, 1, each
     * rotated by 32 bits), built in a small array so the packet loop keeps a single shape.
     */
    static void permuteAndUpdate(long[] s, int rounds) {
        byte[] packet = new byte[HighwayState.PACKET];
        MemorySegment segment = MemorySegment.ofArray(packet);
        for (int round = 0; round < rounds; round++) {
            for (int lane = 0; lane < 4; lane++) {
                HighwayState.LE_LONG.set(packet, 8 * lane, Long.rotateLeft(s[(lane + 2) & 3], 32));
            }
            absorb(s, segment, 0, 1);
        }
    }

    /** Suffix {@code a} is lanes 0-1 of a state word, {@code b} lanes 2-3. */
    private static void absorb(long[] s, MemorySegment data, long offset, long packets) {
        LongVector v0a = LongVector.fromArray(HALF, s, 0);
        LongVector v0b = LongVector.fromArray(HALF, s, 2);
        LongVector v1a = LongVector.fromArray(HALF, s, 4);
        LongVector v1b = LongVector.fromArray(HALF, s, 6);
        LongVector mul0a = LongVector.fromArray(HALF, s, 8);
        LongVector mul0b = LongVector.fromArray(HALF, s, 10);
        LongVector mul1a = LongVector.fromArray(HALF, s, 12);
        LongVector mul1b = LongVector.fromArray(HALF, s, 14);
        long end = offset + packets * HighwayState.PACKET;
        for (long p = offset; p < end; p += HighwayState.PACKET) {
            LongVector packetA = load(data, p);
            LongVector packetB = load(data, p + 16);
            v1a = v1a.add(mul0a).add(packetA);
            v1b = v1b.add(mul0b).add(packetB);
            // and(LO32) times >>> 32 lets C2 emit one 32x32->64 multiply per lane (vpmuludq).
            mul0a = mul0a.lanewise(VectorOperators.XOR, v1a.and(LO32).mul(v0a.lanewise(VectorOperators.LSHR, 32)));
            mul0b = mul0b.lanewise(VectorOperators.XOR, v1b.and(LO32).mul(v0b.lanewise(VectorOperators.LSHR, 32)));
            v0a = v0a.add(mul1a);
            v0b = v0b.add(mul1b);
            mul1a = mul1a.lanewise(VectorOperators.XOR, v0a.and(LO32).mul(v1a.lanewise(VectorOperators.LSHR, 32)));
            mul1b = mul1b.lanewise(VectorOperators.XOR, v0b.and(LO32).mul(v1b.lanewise(VectorOperators.LSHR, 32)));
            // the zipper merge, written out: as a method it tipped C2's inlining node budget and was left a call
            v0a = v0a.add(v1a.reinterpretAsBytes().rearrange(ZIPPER).reinterpretAsLongs());
            v0b = v0b.add(v1b.reinterpretAsBytes().rearrange(ZIPPER).reinterpretAsLongs());
            v1a = v1a.add(v0a.reinterpretAsBytes().rearrange(ZIPPER).reinterpretAsLongs());
            v1b = v1b.add(v0b.reinterpretAsBytes().rearrange(ZIPPER).reinterpretAsLongs());
        }
        v0a.intoArray(s, 0);
        v0b.intoArray(s, 2);
        v1a.intoArray(s, 4);
        v1b.intoArray(s, 6);
        mul0a.intoArray(s, 8);
        mul0b.intoArray(s, 10);
        mul1a.intoArray(s, 12);
        mul1b.intoArray(s, 14);
    }

    /**
     * Loaded as bytes: C2 (JDK 25) does not intrinsify a long-typed load from a byte[]-backed segment and falls
     * to ~1.6 GB/s; reinterpretation is defined little-endian, so this is the little-endian half packet.
     */
    private static LongVector load(MemorySegment data, long offset) {
        return ByteVector.fromMemorySegment(HALF_BYTES, data, offset, ByteOrder.LITTLE_ENDIAN).reinterpretAsLongs();
    }
}
