package dev.cairn.storage.codec;

import java.nio.ByteBuffer;

/**
 * Reed-Solomon over GF(2^8) for one (data, parity) geometry. Every implementation is defined by the same
 * encode matrix ({@link EncodeMatrix}), so all of them produce byte-identical shards: the matrix is the
 * on-disk format, the implementation is only speed.
 *
 * <p>Contract for both methods: all buffers have the same {@code remaining()} length (the shard size);
 * positions are read from and left unchanged; implementations are thread-safe and keep no per-call state.
 * Heap, direct and (for buffers only read) read-only buffers are accepted, in any mix; buffers must not
 * overlap one another. Bad arguments throw {@link IllegalArgumentException} naming the shard and the problem.
 */
public interface ErasureCodec {

    int dataShards();

    int parityShards();

    /** Fills {@code parity[0..parityShards)} from {@code data[0..dataShards)}. */
    void encodeParity(ByteBuffer[] data, ByteBuffer[] parity);

    /**
     * Rebuilds every shard whose {@code present[i]} is false, in place, from at least {@code dataShards}
     * present ones. {@code shards} has {@code dataShards + parityShards} entries, data first; missing ones
     * must still be buffers of the shard size (their content is overwritten).
     *
     * @throws IllegalArgumentException when fewer than {@code dataShards} shards are present
     */
    void reconstruct(ByteBuffer[] shards, boolean[] present);

    /** A short name for logs and benchmarks, e.g. {@code "java-table"}, {@code "vector"}, {@code "isa-l"}. */
    String implementation();
}
