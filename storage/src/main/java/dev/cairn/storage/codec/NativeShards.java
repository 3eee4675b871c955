package dev.cairn.storage.codec;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

/**
 * Presents shard buffers to ISA-L as a native array of pointers, one block {@code [from, from + n)} at a time.
 *
 * <p>Direct buffers are pointed at in place. Heap buffers get a native scratch block from the call's arena;
 * inputs are copied in before ISA-L runs and outputs out after. Working block by block keeps each copy in
 * cache right next to the computation that uses it and makes the scratch memory small: copying whole heap
 * shards into native memory first measured 15-30% slower than 8 KiB blocks (4-8 KiB were equal, 64 KiB
 * worse). Instances are per call.
 */
final class NativeShards {

    /** Bytes per shard per block when any buffer is staged. */
    static final int BLOCK = 8192;

    /** {@code unsigned char *[count]}, rewritten for every block. */
    final MemorySegment pointers;
    private final ByteBuffer[] buffers;
    private final MemorySegment[] memory;
    private final boolean[] staged;
    private final boolean anyStaged;

    NativeShards(ByteBuffer[] buffers, int length, Arena arena) {
        this.buffers = buffers;
        this.pointers = arena.allocate(ValueLayout.ADDRESS, buffers.length);
        this.memory = new MemorySegment[buffers.length];
        this.staged = new boolean[buffers.length];
        boolean any = false;
        for (int s = 0; s < buffers.length; s++) {
            MemorySegment segment = MemorySegment.ofBuffer(buffers[s]);
            staged[s] = !segment.isNative();
            any |= staged[s];
            memory[s] = staged[s] ? arena.allocate(Math.min(BLOCK, length), 64) : segment;
        }
        this.anyStaged = any;
    }

    /** The block length to use: whole shards when nothing is staged, so ISA-L is called once. */
    static int blockLength(NativeShards inputs, NativeShards outputs, int length) {
        return inputs.anyStaged || outputs.anyStaged ? BLOCK : length;
    }

    /** Points every entry at byte {@code from} of its shard, copying staged inputs' bytes into scratch. */
    void stageIn(int from, int n) {
        point(from);
        for (int s = 0; s < buffers.length; s++) {
            if (staged[s]) {
                MemorySegment.copy(MemorySegment.ofBuffer(buffers[s]), from, memory[s], 0, n);
            }
        }
    }

    /** Points every entry at byte {@code from} of its shard (scratch entries always point at their block). */
    void point(int from) {
        for (int s = 0; s < buffers.length; s++) {
            MemorySegment at = staged[s] ? memory[s] : memory[s].asSlice(from);
            pointers.setAtIndex(ValueLayout.ADDRESS, s, at);
        }
    }

    /** Copies the block's bytes of staged outputs from scratch back into their heap buffers. */
    void stageOut(int from, int n) {
        for (int s = 0; s < buffers.length; s++) {
            if (staged[s]) {
                MemorySegment.copy(memory[s], 0, MemorySegment.ofBuffer(buffers[s]), from, n);
            }
        }
    }
}
