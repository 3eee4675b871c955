package dev.cairn.storage.codec;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

/**
 * {@link ShardMultiplier} that hands the work to ISA-L's {@code ec_encode_data}, with tables expanded once from
 * our coefficient rows by {@code ec_init_tables}.
 *
 * <p>ISA-L needs native addresses. Direct buffers are passed as they are (zero copy). Heap buffers are copied
 * into native memory from a confined arena that lives for one call: inputs before, outputs after. The tables
 * live in an automatic arena, freed when this multiplier becomes unreachable.
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
            MemorySegment dataPointers = arena.allocate(ValueLayout.ADDRESS, inputCount);
            MemorySegment codingPointers = arena.allocate(ValueLayout.ADDRESS, rowCount);
            MemorySegment[] nativeOutputs = new MemorySegment[rowCount];
            for (int j = 0; j < inputCount; j++) {
                dataPointers.setAtIndex(ValueLayout.ADDRESS, j, nativeCopy(inputs[j], length, arena, true));
            }
            for (int r = 0; r < rowCount; r++) {
                nativeOutputs[r] = nativeCopy(outputs[r], length, arena, false);
                codingPointers.setAtIndex(ValueLayout.ADDRESS, r, nativeOutputs[r]);
            }
            IsalLibrary.encodeData(length, inputCount, rowCount, tables, dataPointers, codingPointers);
            for (int r = 0; r < rowCount; r++) {
                MemorySegment target = MemorySegment.ofBuffer(outputs[r]);
                if (!target.isNative()) {
                    MemorySegment.copy(nativeOutputs[r], 0, target, 0, length);
                }
            }
        }
    }

    /** The buffer's own memory if it is native, else a native segment holding (if asked) a copy of its bytes. */
    private static MemorySegment nativeCopy(ByteBuffer buffer, int length, Arena arena, boolean copyIn) {
        MemorySegment segment = MemorySegment.ofBuffer(buffer);
        if (segment.isNative()) {
            return segment;
        }
        MemorySegment copy = arena.allocate(length, 64);
        if (copyIn) {
            MemorySegment.copy(segment, 0, copy, 0, length);
        }
        return copy;
    }
}
