package dev.cairn.storage.codec;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

/**
 * {@link ShardMultiplier} that hands the work to ISA-L's {@code ec_encode_data}, with tables expanded once from
 * our coefficient rows by {@code ec_init_tables}.
 *
 * <p>ISA-L needs native addresses: direct buffers are passed as they are, heap buffers are staged through
 * native scratch memory block by block ({@link NativeShards}). The tables live in an automatic arena, freed
 * when this multiplier becomes unreachable.
 */
final class IsalMultiplier implements ShardMultiplier {

    private final int inputCount;
    private final int rowCount;
    private final MemorySegment tables;

    IsalMultiplier(byte[][] coefficients) {
        this.rowCount = coefficients.length;
        this.inputCount = coefficients[0].length;
        this.tables = Arena.ofAuto().allocate(32L * inputCount * rowCount, 64);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment matrix = arena.allocate((long) inputCount * rowCount);
            for (int r = 0; r < rowCount; r++) {
                MemorySegment.copy(coefficients[r], 0, matrix, ValueLayout.JAVA_BYTE, (long) r * inputCount,
                        inputCount);
            }
            IsalLibrary.initTables(inputCount, rowCount, matrix, tables);
        }
    }

    @Override
    public void multiply(ByteBuffer[] inputs, ByteBuffer[] outputs) {
        int length = inputs[0].remaining();
        try (Arena arena = Arena.ofConfined()) {
            NativeShards sources = new NativeShards(inputs, length, arena);
            NativeShards targets = new NativeShards(outputs, length, arena);
            int block = NativeShards.blockLength(sources, targets, length);
            for (int from = 0; from < length; from += block) {
                int n = Math.min(block, length - from);
                sources.stageIn(from, n);
                targets.point(from);
                IsalLibrary.encodeData(n, inputCount, rowCount, tables, sources.pointers, targets.pointers);
                targets.stageOut(from, n);
            }
        }
    }
}
