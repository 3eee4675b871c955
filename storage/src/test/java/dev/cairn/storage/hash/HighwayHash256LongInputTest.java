package dev.cairn.storage.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs beyond the official 0..64-byte vectors: many-packet inputs pinned to an independent implementation,
 * the bitrot key and its outputs (on-disk format), and agreement between every engine and entry point.
 */
class HighwayHash256LongInputTest {

    private static final int MIB = 1 << 20;
    private static final byte[] ONE_MIB = HashTestData.splitmix(42, MIB);

    /**
     * Expected values computed with Debian's libhighwayhash (0~git20200803, AVX2 target, standard test key) over
     * {@code HashTestData.splitmix(length, length)}.
     */
    @ParameterizedTest(name = "len={0} {5}")
    @CsvSource(textBlock = """
            65,      D5817AC297856A95, C4A90FE558248AB6, 5A2FDCC78570BD86, 2F486BDA03E5284B, SCALAR
            65,      D5817AC297856A95, C4A90FE558248AB6, 5A2FDCC78570BD86, 2F486BDA03E5284B, VECTOR
            100,     B47FD3D122F3EBF3, C022B3D61C650295, 343055FD6C367C34, A10E21A0CFCB46D1, SCALAR
            100,     B47FD3D122F3EBF3, C022B3D61C650295, 343055FD6C367C34, A10E21A0CFCB46D1, VECTOR
            1000,    8694DD59CFF66F7C, 2DF00735ACD638D3, B4B9F4F4F576654C, CA5128EDCF77B51A, SCALAR
            1000,    8694DD59CFF66F7C, 2DF00735ACD638D3, B4B9F4F4F576654C, CA5128EDCF77B51A, VECTOR
            4096,    925B17786D1B73E4, 865CAC7EFFC82C4B, 7C4A5369B23C2EA4, 7DB676A83F9D42EA, SCALAR
            4096,    925B17786D1B73E4, 865CAC7EFFC82C4B, 7C4A5369B23C2EA4, 7DB676A83F9D42EA, VECTOR
            65536,   5EBE8B1AE26EF007, F97F1D96F3F5C846, 377CCFCA2567BFC7, 49C195523515E4A8, SCALAR
            65536,   5EBE8B1AE26EF007, F97F1D96F3F5C846, 377CCFCA2567BFC7, 49C195523515E4A8, VECTOR
            65537,   90C006F98CADAD70, 4225395AAEDAE6CE, 84D6BD26954F63F6, 9D45662A0CBE6124, SCALAR
            65537,   90C006F98CADAD70, 4225395AAEDAE6CE, 84D6BD26954F63F6, 9D45662A0CBE6124, VECTOR
            1048575, 30C37751BF587A35, 34B197EBC353D9B5, 031331D2529B4641, FE543AF70CDF7EA8, SCALAR
            1048575, 30C37751BF587A35, 34B197EBC353D9B5, 031331D2529B4641, FE543AF70CDF7EA8, VECTOR
            1048576, 3F7816E9EF7365E7, 73924B97BDA35FBB, ED1C4F8E51C59975, 978F1B10F022AADA, SCALAR
            1048576, 3F7816E9EF7365E7, 73924B97BDA35FBB, ED1C4F8E51C59975, 978F1B10F022AADA, VECTOR
            """)
    void matchesIndependentImplementation(int length, String w0, String w1, String w2, String w3, HighwayImpl impl) {
        byte[] data = HashTestData.splitmix(length, length);
        byte[] expected = HashTestData.wordsLittleEndian(w0, w1, w2, w3);
        assertHex(expected, HighwayHash256.hash(impl, HashTestData.HIGHWAY_TEST_KEY, data, 0, length));
    }

    @Test
    void bitrotKeyIsSha256OfItsLabelAsLittleEndianWords() throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("cairn bitrot v1".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer words = ByteBuffer.wrap(digest).order(ByteOrder.LITTLE_ENDIAN);
        long[] derived = {words.getLong(), words.getLong(), words.getLong(), words.getLong()};
        assertArrayEquals(derived, HighwayHash256.BITROT_KEY);
    }

    /** Pins the on-disk checksums; libhighwayhash (AVX2) over {@code splitmix(length, length)}. */
    @ParameterizedTest(name = "len={0}")
    @CsvSource(textBlock = """
            0,    73FDB4214FA245BD, 4A4DF208F005914F, E944604A690FC8C0, ED46AA975F610605
            31,   FC56308F8FBBBB55, 66D3F84A5C8D466D, 9A61FF01D6F1D715, CF5D0919C79ADA1F
            4096, E326D7002B62C2C2, 32A5AA385CF335AF, BF257409AC6C0E57, E3A82CECADD96314
            """)
    void bitrotChecksumsAreStable(int length, String w0, String w1, String w2, String w3) {
        byte[] expected = HashTestData.wordsLittleEndian(w0, w1, w2, w3);
        byte[] data = HashTestData.splitmix(length, length);
        for (HighwayImpl impl : HighwayImpl.values()) {
            assertHex(expected, HighwayHash256.hash(impl, HighwayHash256.BITROT_KEY, data, 0, length));
        }
    }

    static Stream<Arguments> streamingSplits() {
        return Stream.of(HighwayImpl.values())
                .flatMap(impl -> IntStream.rangeClosed(1, 4).mapToObj(seed -> Arguments.of(impl, seed)));
    }

    @ParameterizedTest(name = "{0} split seed {1}")
    @MethodSource("streamingSplits")
    void streamingWithRandomSplitsMatchesOneShot(HighwayImpl impl, int seed) {
        byte[] expected = HighwayHash256.hash(HighwayImpl.SCALAR, HighwayHash256.BITROT_KEY, ONE_MIB, 0, MIB);
        Random random = new Random(seed);
        var h = new HighwayHash256(HighwayHash256.BITROT_KEY, impl);
        int pos = 0;
        while (pos < MIB) {
            // Mostly tiny pieces (crossing packet boundaries), sometimes large ones (bulk path).
            int piece = random.nextInt(8) == 0 ? random.nextInt(100_000) : random.nextInt(70);
            piece = Math.min(piece, MIB - pos);
            if (random.nextBoolean()) {
                h.update(ONE_MIB, pos, piece);
            } else {
                h.update(ByteBuffer.allocateDirect(piece).put(ONE_MIB, pos, piece).flip());
            }
            pos += piece;
        }
        byte[] actual = new byte[32];
        h.finish(actual, 0);
        assertHex(expected, actual);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HighwayImpl.class)
    void heapDirectSlicedAndArrayFormsAgree(HighwayImpl impl) {
        int off = 13;
        int len = MIB - 1000 - 7;
        byte[] expected = HighwayHash256.hash(HighwayImpl.SCALAR, HighwayHash256.BITROT_KEY, ONE_MIB, off, len);

        ByteBuffer heap = ByteBuffer.wrap(ONE_MIB, off, len);
        ByteBuffer slicedHeap = ByteBuffer.wrap(ONE_MIB).slice(off - 5, len + 9).position(5).limit(5 + len);
        ByteBuffer direct = ByteBuffer.allocateDirect(MIB).put(ONE_MIB).position(off).limit(off + len);
        ByteBuffer readOnlyDirect = direct.asReadOnlyBuffer();
        ByteBuffer readOnlyHeap = heap.asReadOnlyBuffer();
        for (ByteBuffer buffer : new ByteBuffer[] {heap, slicedHeap, direct, readOnlyDirect, readOnlyHeap}) {
            byte[] out = new byte[40];
            int before = buffer.position();
            HighwayHash256.hash(impl, HighwayHash256.BITROT_KEY, buffer, out, 8);
            assertEquals(before, buffer.position());
            assertHex(expected, Arrays.copyOfRange(out, 8, 40));
        }
        assertHex(expected, HighwayHash256.hash(impl, HighwayHash256.BITROT_KEY, ONE_MIB, off, len));
    }

    @Test
    void scalarAndVectorAgreeOnRandomLengthsAndOffsets() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            int len = random.nextInt(3000);
            int off = random.nextInt(MIB - len);
            long[] key = {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
            assertHex(HighwayHash256.hash(HighwayImpl.SCALAR, key, ONE_MIB, off, len),
                    HighwayHash256.hash(HighwayImpl.VECTOR, key, ONE_MIB, off, len));
        }
    }

    @Test
    void finishResetsForTheNextBlockAndResetDiscardsInput() {
        var h = new HighwayHash256(HighwayHash256.BITROT_KEY);
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        h.update(ONE_MIB, 0, 5000);
        h.finish(first, 0);
        h.update(ONE_MIB, 100, 77);
        h.reset();
        h.update(ONE_MIB, 0, 5000);
        h.finish(second, 0);
        assertHex(first, second);
        assertHex(first, HighwayHash256.hash(HighwayHash256.BITROT_KEY, ONE_MIB, 0, 5000));
    }

    @Test
    void streamingUpdateConsumesTheBuffer() {
        ByteBuffer data = ByteBuffer.wrap(ONE_MIB, 10, 500);
        new HighwayHash256(HighwayHash256.BITROT_KEY).update(data);
        assertEquals(510, data.position());
        assertEquals(0, data.remaining());
    }

    private static void assertHex(byte[] expected, byte[] actual) {
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(actual));
    }
}
