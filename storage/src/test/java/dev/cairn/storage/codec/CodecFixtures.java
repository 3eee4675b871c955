package dev.cairn.storage.codec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Geometries, shard sizes, buffer shapes and a by-the-definition encoder shared by the codec tests. */
final class CodecFixtures {

    static final int[][] GEOMETRIES = {
        {1, 0}, {1, 1}, {2, 1}, {2, 2}, {3, 2}, {4, 2}, {6, 3}, {8, 4}, {12, 4}, {10, 6}, {16, 16},
    };

    /** Around the 16-byte vector width, the 32-byte ISA-L AVX2 width, a page, and 1 MiB / 12 rounded up. */
    static final int[] SHARD_SIZES = {0, 1, 15, 16, 17, 31, 32, 33, 4096, 87382};

    private CodecFixtures() {
    }

    static Stream<Arguments> implementationsAndGeometries() {
        List<Arguments> cases = new ArrayList<>();
        for (Codecs.Implementation impl : Codecs.Implementation.values()) {
            for (int[] g : GEOMETRIES) {
                cases.add(Arguments.of(impl, g[0], g[1]));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> implementationsGeometriesAndSizes() {
        List<Arguments> cases = new ArrayList<>();
        for (Codecs.Implementation impl : Codecs.Implementation.values()) {
            for (int[] g : GEOMETRIES) {
                for (int size : SHARD_SIZES) {
                    cases.add(Arguments.of(impl, g[0], g[1], size));
                }
            }
        }
        return cases.stream();
    }

    /** A codec of {@code impl}; skips the test (with the reason) when ISA-L is not installed. */
    static ErasureCodec codec(Codecs.Implementation impl, int data, int parity) {
        if (impl == Codecs.Implementation.ISAL) {
            assumeTrue(IsalCodec.isAvailable(), () -> "ISA-L not installed (apt-get install libisal2): "
                    + IsalCodec.unavailableReason());
        }
        return impl.create(data, parity);
    }

    static byte[][] randomShards(int count, int size, long seed) {
        Random random = new Random(seed);
        byte[][] shards = new byte[count][size];
        for (byte[] shard : shards) {
            random.nextBytes(shard);
        }
        return shards;
    }

    /** Parity straight from the definition: {@code parity[p][i] = sum over c of E[k+p][c] * data[c][i]}. */
    static byte[][] definitionParity(byte[][] data, int parityCount) {
        EncodeMatrix matrix = EncodeMatrix.of(data.length, parityCount);
        int size = data.length == 0 ? 0 : data[0].length;
        byte[][] parity = new byte[parityCount][size];
        for (int p = 0; p < parityCount; p++) {
            for (int c = 0; c < data.length; c++) {
                int coefficient = matrix.coefficient(data.length + p, c);
                for (int i = 0; i < size; i++) {
                    parity[p][i] ^= (byte) GaloisField.mul(coefficient, data[c][i] & 0xFF);
                }
            }
        }
        return parity;
    }

    /** Ways a shard can be handed to a codec; the offset ones surround the shard with guard bytes. */
    enum Shape {
        HEAP, HEAP_OFFSET, DIRECT, DIRECT_OFFSET, READ_ONLY_HEAP, READ_ONLY_DIRECT;

        static final int GUARD = 7;
        static final byte GUARD_BYTE = (byte) 0xA5;

        boolean readOnly() {
            return this == READ_ONLY_HEAP || this == READ_ONLY_DIRECT;
        }

        ByteBuffer wrap(byte[] content) {
            return switch (this) {
                case HEAP -> ByteBuffer.wrap(content.clone());
                case HEAP_OFFSET -> guarded(ByteBuffer.allocate(content.length + 2 * GUARD), content);
                case DIRECT -> ByteBuffer.allocateDirect(content.length).put(0, content);
                case DIRECT_OFFSET -> guarded(ByteBuffer.allocateDirect(content.length + 2 * GUARD), content);
                case READ_ONLY_HEAP -> HEAP_OFFSET.wrap(content).asReadOnlyBuffer();
                case READ_ONLY_DIRECT -> DIRECT_OFFSET.wrap(content).asReadOnlyBuffer();
            };
        }

        private static ByteBuffer guarded(ByteBuffer whole, byte[] content) {
            for (int i = 0; i < whole.capacity(); i++) {
                whole.put(i, GUARD_BYTE);
            }
            whole.put(GUARD, content);
            return whole.position(GUARD).limit(GUARD + content.length);
        }
    }

    static ByteBuffer[] wrap(byte[][] contents, Shape shape) {
        ByteBuffer[] buffers = new ByteBuffer[contents.length];
        for (int i = 0; i < contents.length; i++) {
            buffers[i] = shape.wrap(contents[i]);
        }
        return buffers;
    }

    /** The {@code remaining()} bytes of a buffer, read without moving it. */
    static byte[] contents(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(buffer.position(), bytes);
        return bytes;
    }

    /** True when the bytes around {@code [position, limit)} still hold the guard pattern. */
    static boolean guardsIntact(ByteBuffer buffer) {
        ByteBuffer whole = buffer.duplicate().clear();
        for (int i = 0; i < whole.capacity(); i++) {
            boolean outside = i < buffer.position() || i >= buffer.limit();
            if (outside && whole.get(i) != Shape.GUARD_BYTE) {
                return false;
            }
        }
        return true;
    }
}
