package dev.cairn.storage.codec;

import java.nio.ByteBuffer;

/**
 * Presents shard buffers to array-only kernels as {@code (array, offset)} pairs: byte {@code i} of shard
 * {@code s} (relative to its position) is {@code arrays[s][offsets[s] + i]}.
 *
 * <p>Writable heap buffers are used in place. Buffers without an accessible array (direct, read-only) get a
 * scratch array of one block; for each block {@code [from, to)} the caller stages inputs in before the kernel
 * runs and outputs out after, and their offset is {@code -from} so that the same indexing holds. Instances are
 * per call, never shared.
 */
final class StagedShards {

    /** Bytes per block when staging: a block of every shard stays in L2 while all row groups use it. */
    static final int BLOCK = 8192;

    final byte[][] arrays;
    final int[] offsets;
    private final ByteBuffer[] buffers;
    private final boolean[] staged;
    private final boolean anyStaged;

    StagedShards(ByteBuffer[] buffers, int length) {
        this.buffers = buffers;
        this.arrays = new byte[buffers.length][];
        this.offsets = new int[buffers.length];
        this.staged = new boolean[buffers.length];
        boolean any = false;
        for (int s = 0; s < buffers.length; s++) {
            ByteBuffer b = buffers[s];
            if (b.hasArray()) {
                arrays[s] = b.array();
                offsets[s] = b.arrayOffset() + b.position();
            } else {
                arrays[s] = new byte[Math.min(BLOCK, length)];
                staged[s] = true;
                any = true;
            }
        }
        this.anyStaged = any;
    }

    /** Blocks only matter when staging; in place, one block spanning everything avoids per-block overhead. */
    static int blockLength(StagedShards inputs, StagedShards outputs, int length) {
        return inputs.anyStaged || outputs.anyStaged ? BLOCK : Math.max(length, 1);
    }

    /** Copies bytes {@code [from, to)} of every staged buffer into its scratch array. */
    void stageIn(int from, int to) {
        prepare(from);
        for (int s = 0; s < buffers.length; s++) {
            if (staged[s]) {
                buffers[s].get(buffers[s].position() + from, arrays[s], 0, to - from);
            }
        }
    }

    /** Points the offsets of staged buffers at the block starting at {@code from}. */
    void prepare(int from) {
        for (int s = 0; s < buffers.length; s++) {
            if (staged[s]) {
                offsets[s] = -from;
            }
        }
    }

    /** Copies bytes {@code [from, to)} of every staged scratch array back into its buffer. */
    void stageOut(int from, int to) {
        for (int s = 0; s < buffers.length; s++) {
            if (staged[s]) {
                buffers[s].put(buffers[s].position() + from, arrays[s], 0, to - from);
            }
        }
    }
}
