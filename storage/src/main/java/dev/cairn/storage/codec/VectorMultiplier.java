package dev.cairn.storage.codec;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ShardMultiplier} on the Vector API, by the split-nibble method: {@code c * x = c * (x & 15) ^
 * c * (x & 240)}, and each half is a 16-entry table, so one 128-bit byte shuffle (PSHUFB) looks up 16 products
 * at once. The two 16-byte tables of every coefficient are precomputed at construction.
 *
 * <p>Loop shape: rows are processed in groups of up to four whose accumulators stay in registers; for each
 * 16-byte column every input is loaded and split into nibbles once, feeds every row of the group, and each
 * output is stored once. 128-bit vectors are deliberate: AVX2 has no cross-lane byte shuffle, so 256-bit
 * shuffles cost more than they gain. Bytes past the last full vector go through {@link TableMultiplier}.
 *
 * <p>The kernels read and write {@code byte[]} only: array loads are about a quarter faster than
 * {@code MemorySegment} loads here. Buffers without an accessible array (direct or read-only) are staged
 * through scratch arrays one block at a time, see {@link StagedShards}.
 */
final class VectorMultiplier implements ShardMultiplier {

    /**
     * Must be a static final constant: the JIT only intrinsifies vector operations whose species it can see as a
     * constant, and falls back to (30-60× slower) Java code otherwise.
     */
    private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_128;

    private static final int LANES = 16;
    private static final int TABLE_BYTES = 2 * LANES;

    private final int inputCount;
    private final int rowCount;
    /** {@code tables[(r * inputCount + j) * 32 ..]}: 16 bytes {@code c * n}, then 16 bytes {@code c * (n << 4)}. */
    private final byte[] tables;
    private final TableMultiplier tail;

    VectorMultiplier(byte[][] coefficients) {
        this.rowCount = coefficients.length;
        this.inputCount = coefficients[0].length;
        this.tables = new byte[rowCount * inputCount * TABLE_BYTES];
        for (int r = 0; r < rowCount; r++) {
            for (int j = 0; j < inputCount; j++) {
                int c = coefficients[r][j] & 0xFF;
                int at = (r * inputCount + j) * TABLE_BYTES;
                for (int n = 0; n < LANES; n++) {
                    tables[at + n] = (byte) GaloisField.mul(c, n);
                    tables[at + LANES + n] = (byte) GaloisField.mul(c, n << 4);
                }
            }
        }
        this.tail = new TableMultiplier(coefficients);
    }

    @Override
    public void multiply(ByteBuffer[] inputs, ByteBuffer[] outputs) {
        int length = inputs[0].remaining();
        int vectorEnd = length & -LANES;
        StagedShards sources = new StagedShards(inputs, vectorEnd);
        StagedShards targets = new StagedShards(outputs, vectorEnd);
        int block = StagedShards.blockLength(sources, targets, vectorEnd);
        for (int from = 0; from < vectorEnd; from += block) {
            int to = Math.min(vectorEnd, from + block);
            sources.stageIn(from, to);
            targets.prepare(from);
            for (int row = 0; row < rowCount; row += 4) {
                switch (Math.min(4, rowCount - row)) {
                    case 1 -> one(sources, targets, row, from, to);
                    case 2 -> two(sources, targets, row, from, to);
                    case 3 -> three(sources, targets, row, from, to);
                    default -> four(sources, targets, row, from, to);
                }
            }
            targets.stageOut(from, to);
        }
        if (vectorEnd < length) {
            tail.multiply(inputs, outputs, vectorEnd, length);
        }
    }

    /** The products {@code c * x} for the coefficient whose tables start at {@code at}. */
    private static ByteVector product(byte[] tables, int at, ByteVector low, ByteVector high) {
        ByteVector byLow = low.selectFrom(ByteVector.fromArray(SPECIES, tables, at));
        return byLow.lanewise(VectorOperators.XOR,
                high.selectFrom(ByteVector.fromArray(SPECIES, tables, at + LANES)));
    }

    private static ByteVector lowNibbles(ByteVector x) {
        return x.and((byte) 0x0F);
    }

    /** Shifts as 32-bit lanes (one PSRLD) and masks: cheaper than a byte-lane shift, which x86 lacks. */
    private static ByteVector highNibbles(ByteVector x) {
        return x.reinterpretAsInts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and((byte) 0x0F);
    }

    private void four(StagedShards in, StagedShards out, int row, int from, int to) {
        byte[] t = tables;
        byte[][] src = in.arrays;
        int[] srcAt = in.offsets;
        int stride = inputCount * TABLE_BYTES;
        int base = row * stride;
        for (int offset = from; offset < to; offset += LANES) {
            ByteVector x = ByteVector.fromArray(SPECIES, src[0], srcAt[0] + offset);
            ByteVector low = lowNibbles(x);
            ByteVector high = highNibbles(x);
            ByteVector a0 = product(t, base, low, high);
            ByteVector a1 = product(t, base + stride, low, high);
            ByteVector a2 = product(t, base + 2 * stride, low, high);
            ByteVector a3 = product(t, base + 3 * stride, low, high);
            for (int j = 1; j < inputCount; j++) {
                x = ByteVector.fromArray(SPECIES, src[j], srcAt[j] + offset);
                low = lowNibbles(x);
                high = highNibbles(x);
                int at = base + j * TABLE_BYTES;
                a0 = a0.lanewise(VectorOperators.XOR, product(t, at, low, high));
                a1 = a1.lanewise(VectorOperators.XOR, product(t, at + stride, low, high));
                a2 = a2.lanewise(VectorOperators.XOR, product(t, at + 2 * stride, low, high));
                a3 = a3.lanewise(VectorOperators.XOR, product(t, at + 3 * stride, low, high));
            }
            a0.intoArray(out.arrays[row], out.offsets[row] + offset);
            a1.intoArray(out.arrays[row + 1], out.offsets[row + 1] + offset);
            a2.intoArray(out.arrays[row + 2], out.offsets[row + 2] + offset);
            a3.intoArray(out.arrays[row + 3], out.offsets[row + 3] + offset);
        }
    }

    private void three(StagedShards in, StagedShards out, int row, int from, int to) {
        byte[] t = tables;
        byte[][] src = in.arrays;
        int[] srcAt = in.offsets;
        int stride = inputCount * TABLE_BYTES;
        int base = row * stride;
        for (int offset = from; offset < to; offset += LANES) {
            ByteVector x = ByteVector.fromArray(SPECIES, src[0], srcAt[0] + offset);
            ByteVector low = lowNibbles(x);
            ByteVector high = highNibbles(x);
            ByteVector a0 = product(t, base, low, high);
            ByteVector a1 = product(t, base + stride, low, high);
            ByteVector a2 = product(t, base + 2 * stride, low, high);
            for (int j = 1; j < inputCount; j++) {
                x = ByteVector.fromArray(SPECIES, src[j], srcAt[j] + offset);
                low = lowNibbles(x);
                high = highNibbles(x);
                int at = base + j * TABLE_BYTES;
                a0 = a0.lanewise(VectorOperators.XOR, product(t, at, low, high));
                a1 = a1.lanewise(VectorOperators.XOR, product(t, at + stride, low, high));
                a2 = a2.lanewise(VectorOperators.XOR, product(t, at + 2 * stride, low, high));
            }
            a0.intoArray(out.arrays[row], out.offsets[row] + offset);
            a1.intoArray(out.arrays[row + 1], out.offsets[row + 1] + offset);
            a2.intoArray(out.arrays[row + 2], out.offsets[row + 2] + offset);
        }
    }

    private void two(StagedShards in, StagedShards out, int row, int from, int to) {
        byte[] t = tables;
        byte[][] src = in.arrays;
        int[] srcAt = in.offsets;
        int stride = inputCount * TABLE_BYTES;
        int base = row * stride;
        for (int offset = from; offset < to; offset += LANES) {
            ByteVector x = ByteVector.fromArray(SPECIES, src[0], srcAt[0] + offset);
            ByteVector low = lowNibbles(x);
            ByteVector high = highNibbles(x);
            ByteVector a0 = product(t, base, low, high);
            ByteVector a1 = product(t, base + stride, low, high);
            for (int j = 1; j < inputCount; j++) {
                x = ByteVector.fromArray(SPECIES, src[j], srcAt[j] + offset);
                low = lowNibbles(x);
                high = highNibbles(x);
                int at = base + j * TABLE_BYTES;
                a0 = a0.lanewise(VectorOperators.XOR, product(t, at, low, high));
                a1 = a1.lanewise(VectorOperators.XOR, product(t, at + stride, low, high));
            }
            a0.intoArray(out.arrays[row], out.offsets[row] + offset);
            a1.intoArray(out.arrays[row + 1], out.offsets[row + 1] + offset);
        }
    }

    private void one(StagedShards in, StagedShards out, int row, int from, int to) {
        byte[] t = tables;
        byte[][] src = in.arrays;
        int[] srcAt = in.offsets;
        int base = row * inputCount * TABLE_BYTES;
        for (int offset = from; offset < to; offset += LANES) {
            ByteVector a0 = ByteVector.zero(SPECIES);
            for (int j = 0; j < inputCount; j++) {
                ByteVector x = ByteVector.fromArray(SPECIES, src[j], srcAt[j] + offset);
                a0 = a0.lanewise(VectorOperators.XOR,
                        product(t, base + j * TABLE_BYTES, lowNibbles(x), highNibbles(x)));
            }
            a0.intoArray(out.arrays[row], out.offsets[row] + offset);
        }
    }
}
