package dev.cairn.storage.hash;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Bytes to hash, seen both as a segment (lengths, partial copies, the vector engine) and, when an accessible heap
 * array backs them, as that array: the scalar engine's only fast input (see {@link HighwayScalar}). Direct and
 * read-only buffers have no accessible array.
 *
 * @param segment the input bytes, offset 0 = first byte
 * @param array the backing array of {@code segment}, or null (direct or read-only buffers)
 * @param arrayOffset index in {@code array} of segment offset 0
 */
record HighwayInput(MemorySegment segment, byte[] array, int arrayOffset) {

    static HighwayInput of(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        return new HighwayInput(MemorySegment.ofArray(data).asSlice(off, len), data, off);
    }

    /** The remaining bytes of {@code data}; its position is not changed. */
    static HighwayInput of(ByteBuffer data) {
        MemorySegment segment = MemorySegment.ofBuffer(data);
        if (data.hasArray()) {
            return new HighwayInput(segment, data.array(), data.arrayOffset() + data.position());
        }
        return new HighwayInput(segment, null, 0);
    }

    long length() {
        return segment.byteSize();
    }

    /** Absorbs {@code packets} whole packets starting at byte {@code offset} of this input. */
    void absorb(HighwayImpl impl, long[] s, long offset, long packets) {
        if (packets == 0) {
            return;
        }
        if (impl == HighwayImpl.VECTOR) {
            HighwayVector.update(s, segment, offset, packets);
        } else if (array != null) {
            HighwayScalar.update(s, array, arrayOffset + Math.toIntExact(offset), Math.toIntExact(packets));
        } else {
            HighwayScalar.updateCopying(s, segment, offset, packets);
        }
    }

    void copyTo(long offset, byte[] dst, int dstOffset, int length) {
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, offset, dst, dstOffset, length);
    }
}
