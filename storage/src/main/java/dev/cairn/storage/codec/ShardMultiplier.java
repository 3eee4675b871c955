package dev.cairn.storage.codec;

import java.nio.ByteBuffer;

/**
 * The one operation every codec implementation provides: multiply a vector of input shards by a fixed
 * coefficient matrix (rows × inputs) over GF(2^8), byte position by byte position. Encoding uses the parity
 * rows of the {@link EncodeMatrix}; reconstruction uses a {@link DecodePlan}'s rows. Instances are prepared once
 * per matrix (tables, native state) and are immutable and thread-safe.
 */
interface ShardMultiplier {

    /**
     * Sets {@code outputs[r] = sum over j of coefficients[r][j] * inputs[j]} over the {@code remaining()} bytes
     * of each buffer.
     *
     * <p>Preconditions, checked by the caller ({@link MatrixCodec}): array lengths match the matrix, all buffers
     * have the same non-zero {@code remaining()}, outputs are writable and overlap no other buffer. Inputs may be
     * read-only. Positions and limits are left unchanged.
     */
    void multiply(ByteBuffer[] inputs, ByteBuffer[] outputs);
}
