package dev.cairn.storage.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 65 official HighwayHash-256 vectors (lengths 0..64, standard key), through every engine and every entry
 * point, so remainder handling (all 32 tail lengths, before and after a whole packet) is covered everywhere.
 */
class HighwayHash256VectorsTest {

    /** The ways callers hand data to the hash; each must give the reference result. */
    enum Form {
        ARRAY_ONE_SHOT,
        HEAP_BUFFER_ONE_SHOT,
        DIRECT_BUFFER_ONE_SHOT,
        STREAMING_WHOLE,
        STREAMING_BYTE_BY_BYTE,
        STREAMING_DIRECT_BUFFER_ODD_CHUNKS
    }

    static Stream<Arguments> vectors() {
        return HashTestData.vectorLines("highwayhash256-vectors.txt").stream()
                .flatMap(v -> Stream.of(HighwayImpl.values())
                        .flatMap(impl -> Stream.of(Form.values())
                                .map(form -> Arguments.of(Integer.parseInt(v[0]), impl, form,
                                        HashTestData.wordsLittleEndian(v[1], v[2], v[3], v[4])))));
    }

    @ParameterizedTest(name = "len={0} {1} {2}")
    @MethodSource("vectors")
    void matchesReference(int length, HighwayImpl impl, Form form, byte[] expected) {
        byte[] input = HashTestData.counting(length);
        byte[] actual = hash(impl, form, input);
        assertArrayEquals(expected, actual,
                () -> "expected " + HexFormat.of().formatHex(expected) + " got " + HexFormat.of().formatHex(actual));
    }

    private static byte[] hash(HighwayImpl impl, Form form, byte[] input) {
        long[] key = HashTestData.HIGHWAY_TEST_KEY;
        byte[] out = new byte[HighwayHash256.HASH_BYTES];
        switch (form) {
            case ARRAY_ONE_SHOT -> out = HighwayHash256.hash(impl, key, input, 0, input.length);
            case HEAP_BUFFER_ONE_SHOT -> hashBuffer(impl, ByteBuffer.wrap(input), out);
            case DIRECT_BUFFER_ONE_SHOT -> hashBuffer(impl, ByteBuffer.allocateDirect(input.length).put(input).flip(), out);
            case STREAMING_WHOLE -> {
                var h = new HighwayHash256(key, impl);
                h.update(input, 0, input.length);
                h.finish(out, 0);
            }
            case STREAMING_BYTE_BY_BYTE -> {
                var h = new HighwayHash256(key, impl);
                for (int i = 0; i < input.length; i++) {
                    h.update(input, i, 1);
                }
                h.finish(out, 0);
            }
            case STREAMING_DIRECT_BUFFER_ODD_CHUNKS -> {
                var h = new HighwayHash256(key, impl);
                ByteBuffer direct = ByteBuffer.allocateDirect(input.length).put(input).flip();
                for (int pos = 0; pos < input.length; pos += 7) {
                    h.update(direct.slice(pos, Math.min(7, input.length - pos)));
                }
                h.finish(out, 0);
            }
        }
        return out;
    }

    private static void hashBuffer(HighwayImpl impl, ByteBuffer data, byte[] out) {
        int position = data.position();
        HighwayHash256.hash(impl, HashTestData.HIGHWAY_TEST_KEY, data, out, 0);
        assertEquals(position, data.position(), "one-shot hash must leave the position unchanged");
    }
}
