package dev.cairn.storage.hash;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * HighwayHash packet absorption with the Vector API: the four lanes of each state word are one 256-bit vector,
 * which is the shape the algorithm was designed for (one AVX2 register per word). Must produce exactly what
 * {@link HighwayScalar#update} produces for the same state and input; only reached through
 * {@link HighwayImpl#VECTOR}, since loading this class needs {@code jdk.incubator.vector}.
 */
final class HighwayVector {

    private static final VectorSpecies<Long> LANES = LongVector.SPECIES_256;
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_256;

    /** The zipper-merge byte table of {@link HighwayScalar#zipperLow}/{@code zipperHigh}, for both 128-bit halves. */
    private static final VectorShuffle<Byte> ZIPPER = VectorShuffle.fromValues(BYTES,
            3, 12, 2, 5, 14, 1, 15, 0, 11, 4, 10, 13, 9, 6, 8, 7,
            19, 28, 18, 21, 30, 17, 31, 16, 27, 20, 26, 29, 25, 22, 24, 23);

    private static final VectorShuffle<Long> SWAP_HALVES = VectorShuffle.fromValues(LANES, 2, 3, 0, 1);

    private static final long LO32 = 0xFFFF_FFFFL;

    private HighwayVector() {
    }

    /** True when the CPU runs 256-bit vectors natively rather than through the API's slow per-lane fallback. */
    static boolean hasNative256BitVectors() {
        return LongVector.SPECIES_PREFERRED.vectorBitSize() >= LANES.vectorBitSize();
    }

    /**
     * Absorbs {@code packets} whole 32-byte packets of {@code data} starting at byte {@code offset}. {@code data}
     * must be native or backed by a {@code byte[]} (the Vector API rejects other heap segments). Unlike the scalar
     * loop this one stays fast when it sees both kinds.
     */
    static void update(long[] s, MemorySegment data, long offset, long packets) {
        absorb(s, data, offset, packets);
    }

    /** The finalization rounds: each absorbs a permutation of {@code v0} as its packet. */
    static void permuteAndUpdate(long[] s, int rounds) {
        absorb(s, null, 0, rounds);
    }

    /** One mixing loop for both callers: packets come from {@code data}, or from the state when it is null. */
    private static void absorb(long[] s, MemorySegment data, long offset, long packets) {
        LongVector v0 = LongVector.fromArray(LANES, s, 0);
        LongVector v1 = LongVector.fromArray(LANES, s, 4);
        LongVector mul0 = LongVector.fromArray(LANES, s, 8);
        LongVector mul1 = LongVector.fromArray(LANES, s, 12);
        long end = offset + packets * HighwayState.PACKET;
        for (long p = offset; p < end; p += HighwayState.PACKET) {
            LongVector packet = data == null ? permute(v0) : load(data, p);
            v1 = v1.add(mul0).add(packet);
            // and(LO32) times >>> 32 lets C2 emit one 32x32->64 multiply per lane (vpmuludq).
            mul0 = mul0.lanewise(VectorOperators.XOR, v1.and(LO32).mul(v0.lanewise(VectorOperators.LSHR, 32)));
            v0 = v0.add(mul1);
            mul1 = mul1.lanewise(VectorOperators.XOR, v0.and(LO32).mul(v1.lanewise(VectorOperators.LSHR, 32)));
            v0 = v0.add(zipper(v1));
            v1 = v1.add(zipper(v0));
        }
        v0.intoArray(s, 0);
        v1.intoArray(s, 4);
        mul0.intoArray(s, 8);
        mul1.intoArray(s, 12);
    }

    /**
     * Loaded as bytes: C2 (JDK 25) does not intrinsify a long-typed load from a byte[]-backed segment and falls
     * to ~1.6 GB/s; reinterpretation is defined little-endian, so this is the little-endian packet.
     */
    private static LongVector load(MemorySegment data, long offset) {
        return ByteVector.fromMemorySegment(BYTES, data, offset, ByteOrder.LITTLE_ENDIAN).reinterpretAsLongs();
    }

    /** Lanes (2, 3, 0, 1) of {@code v0}, each rotated by 32 bits: the reference's finalization permutation. */
    private static LongVector permute(LongVector v0) {
        return v0.rearrange(SWAP_HALVES).lanewise(VectorOperators.ROL, 32);
    }

    private static LongVector zipper(LongVector v) {
        return v.reinterpretAsBytes().rearrange(ZIPPER).reinterpretAsLongs();
    }
}
