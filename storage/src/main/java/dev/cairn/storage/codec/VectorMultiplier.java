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
 * <p>Loop shape: rows are processed in groups of up to four whose accumulators stay in registers; each
 * iteration covers 32 bytes (two vectors) of every shard: every input is loaded and split into nibbles once
 * and feeds every row of the group, every table vector is loaded once for both halves, and each output is
 * stored once. Four rows × two vectors is what fits the 16 XMM registers of AVX2 (8 accumulators, 4 nibble
 * vectors, 2 tables); it measured ~10% faster than one vector per iteration for four rows and ~20% for two.
 * 128-bit vectors are deliberate: AVX2 has no cross-lane byte shuffle, so 256-bit shuffles cost more than
 * they gain. The last {@code length % 32} bytes go through {@link TableMultiplier}.
 *
 * <p>The kernels are written out long-hand on purpose: C2 must inline everything in them, or vectors get boxed
 * at the call and the loop runs 2-3× slower. A store helper called from the four-row kernel was refused
 * inlining (node count cutoff) and did exactly that, so stores are spelled out.
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
    /** Bytes per loop iteration: two vectors per shard, so each table vector loaded serves two columns. */
    private static final int STEP = 2 * LANES;
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
        int vectorEnd = length & -STEP;
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

    /** {@code accumulator ^ (c * x)} where {@code low}/{@code high} are x's nibbles and the tables are c's. */
    private static ByteVector mulAdd(ByteVector accumulator, ByteVector low, ByteVector high,
                                     ByteVector lowTable, ByteVector highTable) {
        return accumulator.lanewise(VectorOperators.XOR, low.selectFrom(lowTable))
                .lanewise(VectorOperators.XOR, high.selectFrom(highTable));
    }

    private static ByteVector load(byte[] array, int offset) {
        return ByteVector.fromArray(SPECIES, array, offset);
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
        for (int offset = from; offset < to; offset += STEP) {
            ByteVector a0 = ByteVector.zero(SPECIES);
            ByteVector a1 = a0;
            ByteVector a2 = a0;
            ByteVector a3 = a0;
            ByteVector b0 = a0;
            ByteVector b1 = a0;
            ByteVector b2 = a0;
            ByteVector b3 = a0;
            for (int j = 0; j < inputCount; j++) {
                ByteVector x = load(src[j], srcAt[j] + offset);
                ByteVector y = load(src[j], srcAt[j] + offset + LANES);
                ByteVector xl = lowNibbles(x);
                ByteVector xh = highNibbles(x);
                ByteVector yl = lowNibbles(y);
                ByteVector yh = highNibbles(y);
                int at = base + j * TABLE_BYTES;
                ByteVector l = load(t, at);
                ByteVector h = load(t, at + LANES);
                a0 = mulAdd(a0, xl, xh, l, h);
                b0 = mulAdd(b0, yl, yh, l, h);
                l = load(t, at + stride);
                h = load(t, at + stride + LANES);
                a1 = mulAdd(a1, xl, xh, l, h);
                b1 = mulAdd(b1, yl, yh, l, h);
                l = load(t, at + 2 * stride);
                h = load(t, at + 2 * stride + LANES);
                a2 = mulAdd(a2, xl, xh, l, h);
                b2 = mulAdd(b2, yl, yh, l, h);
                l = load(t, at + 3 * stride);
                h = load(t, at + 3 * stride + LANES);
                a3 = mulAdd(a3, xl, xh, l, h);
                b3 = mulAdd(b3, yl, yh, l, h);
            }
            a0.intoArray(out.arrays[row], out.offsets[row] + offset);
            b0.intoArray(out.arrays[row], out.offsets[row] + offset + LANES);
            a1.intoArray(out.arrays[row + 1], out.offsets[row + 1] + offset);
            b1.intoArray(out.arrays[row + 1], out.offsets[row + 1] + offset + LANES);
            a2.intoArray(out.arrays[row + 2], out.offsets[row + 2] + offset);
            b2.intoArray(out.arrays[row + 2], out.offsets[row + 2] + offset + LANES);
            a3.intoArray(out.arrays[row + 3], out.offsets[row + 3] + offset);
            b3.intoArray(out.arrays[row + 3], out.offsets[row + 3] + offset + LANES);
        }
    }

    private void three(StagedShards in, StagedShards out, int row, int from, int to) {
        byte[] t = tables;
        byte[][] src = in.arrays;
        int[] srcAt = in.offsets;
        int stride = inputCount * TABLE_BYTES;
        int base = row * stride;
        for (int offset = from; offset < to; offset += STEP) {
            ByteVector a0 = ByteVector.zero(SPECIES);
            ByteVector a1 = a0;
            ByteVector a2 = a0;
            ByteVector b0 = a0;
            ByteVector b1 = a0;
            ByteVector b2 = a0;
            for (int j = 0; j < inputCount; j++) {
                ByteVector x = load(src[j], srcAt[j] + offset);
                ByteVector y = load(src[j], srcAt[j] + offset + LANES);
                ByteVector xl = lowNibbles(x);
                ByteVector xh = highNibbles(x);
                ByteVector yl = lowNibbles(y);
                ByteVector yh = highNibbles(y);
                int at = base + j * TABLE_BYTES;
                ByteVector l = load(t, at);
                ByteVector h = load(t, at + LANES);
                a0 = mulAdd(a0, xl, xh, l, h);
                b0 = mulAdd(b0, yl, yh, l, h);
                l = load(t, at + stride);
                h = load(t, at + stride + LANES);
                a1 = mulAdd(a1, xl, xh, l, h);
                b1 = mulAdd(b1, yl, yh, l, h);
                l = load(t, at + 2 * stride);
                h = load(t, at + 2 * stride + LANES);
                a2 = mulAdd(a2, xl, xh, l, h);
                b2 = mulAdd(b2, yl, yh, l, h);
            }
            a0.intoArray(out.arrays[row], out.offsets[row] + offset);
            b0.intoArray(out.arrays[row], out.offsets[row] + offset + LANES);
            a1.intoArray(out.arrays[row + 1], out.offsets[row + 1] + offset);
            b1.intoArray(out.arrays[row + 1], out.offsets[row + 1] + offset + LANES);
            a2.intoArray(out.arrays[row + 2], out.offsets[row + 2] + offset);
            b2.intoArray(out.arrays[row + 2], out.offsets[row + 2] + offset + LANES);
        }
    }

    private void two(StagedShards in, StagedShards out, int row, int from, int to) {
        byte[] t = tables;
        byte[][] src = in.arrays;
        int[] srcAt = in.offsets;
        int stride = inputCount * TABLE_BYTES;
        int base = row * stride;
        for (int offset = from; offset < to; offset += STEP) {
            ByteVector a0 = ByteVector.zero(SPECIES);
            ByteVector a1 = a0;
            ByteVector b0 = a0;
            ByteVector b1 = a0;
            for (int j = 0; j < inputCount; j++) {
                ByteVector x = load(src[j], srcAt[j] + offset);
                ByteVector y = load(src[j], srcAt[j] + offset + LANES);
                ByteVector xl = lowNibbles(x);
                ByteVector xh = highNibbles(x);
                ByteVector yl = lowNibbles(y);
                ByteVector yh = highNibbles(y);
                int at = base + j * TABLE_BYTES;
                ByteVector l = load(t, at);
                ByteVector h = load(t, at + LANES);
                a0 = mulAdd(a0, xl, xh, l, h);
                b0 = mulAdd(b0, yl, yh, l, h);
                l = load(t, at + stride);
                h = load(t, at + stride + LANES);
                a1 = mulAdd(a1, xl, xh, l, h);
                b1 = mulAdd(b1, yl, yh, l, h);
            }
            a0.intoArray(out.arrays[row], out.offsets[row] + offset);
            b0.intoArray(out.arrays[row], out.offsets[row] + offset + LANES);
            a1.intoArray(out.arrays[row + 1], out.offsets[row + 1] + offset);
            b1.intoArray(out.arrays[row + 1], out.offsets[row + 1] + offset + LANES);
        }
    }

    private void one(StagedShards in, StagedShards out, int row, int from, int to) {
        byte[] t = tables;
        byte[][] src = in.arrays;
        int[] srcAt = in.offsets;
        int base = row * inputCount * TABLE_BYTES;
        for (int offset = from; offset < to; offset += STEP) {
            ByteVector a0 = ByteVector.zero(SPECIES);
            ByteVector b0 = a0;
            for (int j = 0; j < inputCount; j++) {
                ByteVector x = load(src[j], srcAt[j] + offset);
                ByteVector y = load(src[j], srcAt[j] + offset + LANES);
                int at = base + j * TABLE_BYTES;
                ByteVector l = load(t, at);
                ByteVector h = load(t, at + LANES);
                a0 = mulAdd(a0, lowNibbles(x), highNibbles(x), l, h);
                b0 = mulAdd(b0, lowNibbles(y), highNibbles(y), l, h);
            }
            a0.intoArray(out.arrays[row], out.offsets[row] + offset);
            b0.intoArray(out.arrays[row], out.offsets[row] + offset + LANES);
        }
    }
}
