package dev.cairn.storage.codec;

import static dev.cairn.storage.codec.CodecFixtures.contents;
import static dev.cairn.storage.codec.CodecFixtures.guardsIntact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.storage.codec.CodecFixtures.Shape;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every implementation must write exactly the parity JavaTableCodec writes, for every geometry, size and
 * buffer shape; and JavaTableCodec must write exactly what the matrix definition says.
 */
class EncodeEquivalenceTest {

    private static final Shape[] WRITABLE = {Shape.HEAP, Shape.HEAP_OFFSET, Shape.DIRECT, Shape.DIRECT_OFFSET};

    @ParameterizedTest(name = "{0} {1}+{2} shard {3} B")
    @MethodSource("dev.cairn.storage.codec.CodecFixtures#implementationsGeometriesAndSizes")
    void parityMatchesJavaTableCodec(Codecs.Implementation impl, int k, int m, int size) {
        ErasureCodec codec = CodecFixtures.codec(impl, k, m);
        byte[][] data = CodecFixtures.randomShards(k, size, 31L * k + m + size);
        byte[][] expected = encode(new JavaTableCodec(k, m), data, Shape.HEAP, Shape.HEAP);

        Shape[] inputShapes = Shape.values();
        for (int s = 0; s < inputShapes.length; s++) {
            Shape out = WRITABLE[s % WRITABLE.length];
            byte[][] actual = encode(codec, data, inputShapes[s], out);
            for (int p = 0; p < m; p++) {
                assertArrayEquals(expected[p], actual[p],
                        codec + " parity " + p + " with " + inputShapes[s] + " data, " + out + " parity");
            }
        }
    }

    /** Several staging blocks, with heap, direct and read-only shards side by side in one call. */
    @ParameterizedTest(name = "{0} {1}+{2} mixed shapes")
    @MethodSource("dev.cairn.storage.codec.CodecFixtures#implementationsAndGeometries")
    void mixedBufferShapesInOneCall(Codecs.Implementation impl, int k, int m) {
        ErasureCodec codec = CodecFixtures.codec(impl, k, m);
        int size = 3 * StagedShards.BLOCK + 5;
        byte[][] data = CodecFixtures.randomShards(k, size, k * 7L + m);
        ByteBuffer[] in = new ByteBuffer[k];
        ByteBuffer[] out = new ByteBuffer[m];
        for (int j = 0; j < k; j++) {
            in[j] = Shape.values()[j % Shape.values().length].wrap(data[j]);
        }
        for (int p = 0; p < m; p++) {
            out[p] = WRITABLE[(p + 1) % WRITABLE.length].wrap(new byte[size]);
        }
        codec.encodeParity(in, out);
        byte[][] expected = CodecFixtures.definitionParity(data, m);
        for (int p = 0; p < m; p++) {
            assertArrayEquals(expected[p], contents(out[p]), codec + " parity " + p);
        }
    }

    @ParameterizedTest(name = "{0}+{1}")
    @CsvSource({"1,0", "1,1", "2,1", "4,2", "6,3", "12,4", "10,6", "16,16", "200,56", "1,255"})
    void javaTableCodecMatchesTheDefinition(int k, int m) {
        byte[][] data = CodecFixtures.randomShards(k, 77, k * 1000L + m);
        byte[][] actual = encode(new JavaTableCodec(k, m), data, Shape.HEAP, Shape.HEAP);
        byte[][] expected = CodecFixtures.definitionParity(data, m);
        for (int p = 0; p < m; p++) {
            assertArrayEquals(expected[p], actual[p], "parity " + p);
        }
    }

    /** Encodes and returns the parity, checking the contract's side conditions on the way. */
    static byte[][] encode(ErasureCodec codec, byte[][] data, Shape inShape, Shape outShape) {
        int m = codec.parityShards();
        int size = data[0].length;
        ByteBuffer[] in = CodecFixtures.wrap(data, inShape);
        ByteBuffer[] out = CodecFixtures.wrap(new byte[m][size], outShape);
        codec.encodeParity(in, out);
        for (int j = 0; j < in.length; j++) {
            assertArrayEquals(data[j], contents(in[j]), "data shard " + j + " was modified");
            assertTrue(guardsIntact(in[j]), "bytes outside data shard " + j + " were touched");
            assertEquals(size, in[j].remaining(), "data shard " + j + " position moved");
        }
        byte[][] parity = new byte[m][];
        for (int p = 0; p < m; p++) {
            assertTrue(guardsIntact(out[p]), "bytes outside parity shard " + p + " were written");
            assertEquals(size, out[p].remaining(), "parity shard " + p + " position moved");
            parity[p] = contents(out[p]);
        }
        return parity;
    }
}
