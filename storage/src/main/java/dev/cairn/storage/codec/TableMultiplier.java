package dev.cairn.storage.codec;

import java.nio.ByteBuffer;

/**
 * Scalar {@link ShardMultiplier}: one 256-byte product row per coefficient, one table lookup per input byte
 * per output row. It is the reference implementation the others are tested against, and the tail path of
 * {@link VectorMultiplier}.
 *
 * <p>Bytes are processed in blocks copied into heap scratch arrays, so heap, direct and read-only buffers all
 * take the same code path; the copies are cheap next to the lookups.
 */
final class TableMultiplier implements ShardMultiplier {

    /** Bytes per block: keeps a block of every input plus one output in L1/L2 while all rows are computed. */
    private static final int BLOCK = 4096;

    private final int inputCount;
    private final int rowCount;
    /** {@code products[((r * inputCount + j) << 8) | x] = coefficients[r][j] * x}. */
    private final byte[] products;

    TableMultiplier(byte[][] coefficients) {
        this.rowCount = coefficients.length;
        this.inputCount = coefficients[0].length;
        this.products = new byte[rowCount * inputCount << 8];
        for (int r = 0; r < rowCount; r++) {
            for (int j = 0; j < inputCount; j++) {
                byte[] row = GaloisField.mulRow(coefficients[r][j] & 0xFF);
                System.arraycopy(row, 0, products, (r * inputCount + j) << 8, GaloisField.SIZE);
            }
        }
    }

    @Override
    public void multiply(ByteBuffer[] inputs, ByteBuffer[] outputs) {
        multiply(inputs, outputs, 0, inputs[0].remaining());
    }

    /** Like {@link #multiply(ByteBuffer[], ByteBuffer[])} for bytes {@code [from, to)} relative to positions. */
    void multiply(ByteBuffer[] inputs, ByteBuffer[] outputs, int from, int to) {
        int scratchLength = Math.min(BLOCK, to - from);
        byte[][] sources = new byte[inputCount][scratchLength];
        byte[] target = new byte[scratchLength];
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            for (int j = 0; j < inputCount; j++) {
                inputs[j].get(inputs[j].position() + start, sources[j], 0, n);
            }
            for (int r = 0; r < rowCount; r++) {
                multiplyRow(r, sources, target, n);
                outputs[r].put(outputs[r].position() + start, target, 0, n);
            }
        }
    }

    private void multiplyRow(int row, byte[][] sources, byte[] target, int n) {
        byte[] table = products;
        int base = row * inputCount << 8;
        byte[] first = sources[0];
        for (int i = 0; i < n; i++) {
            target[i] = table[base | (first[i] & 0xFF)];
        }
        for (int j = 1; j < inputCount; j++) {
            int offset = base + (j << 8);
            byte[] source = sources[j];
            for (int i = 0; i < n; i++) {
                target[i] ^= table[offset | (source[i] & 0xFF)];
            }
        }
    }
}
