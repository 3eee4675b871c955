package dev.cairn.storage.api.checksum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Any split of the input, through arrays or buffers, gives the one-shot digest. */
class ChecksummerStreamingTest {

    private static final byte[] DATA = ChecksumVectorsTest.pattern(300_001);

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void randomSplitsOfArraysHeapAndDirectBuffers(ChecksumAlgorithm algorithm) {
        byte[] expected = oneShot(algorithm, DATA);
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            Checksummer c = algorithm.newChecksummer();
            int off = 0;
            while (off < DATA.length) {
                // Mostly small pieces, sometimes large ones that span the CRC-64 kernel's 6 KiB blocks.
                int n = Math.min(DATA.length - off, random.nextInt(4) == 0 ? random.nextInt(40_000) : random.nextInt(64));
                switch (random.nextInt(4)) {
                    case 0 -> c.update(DATA, off, n);
                    case 1 -> c.update(ByteBuffer.wrap(DATA, off, n).slice());
                    case 2 -> c.update(ByteBuffer.allocateDirect(n).put(DATA, off, n).flip());
                    default -> {
                        // a heap buffer with an array offset and a position inside it
                        byte[] padded = new byte[n + 7];
                        System.arraycopy(DATA, off, padded, 5, n);
                        ByteBuffer b = ByteBuffer.wrap(padded, 2, n + 3).slice().position(3);
                        c.update(b);
                        assertEquals(b.limit(), b.position());
                    }
                }
                off += n;
            }
            assertArrayEquals(expected, c.digest(), "seed " + seed);
        }
    }

    /** Lengths around the CRC-64 kernel's word (8), block (6144) and staging (24 KiB) sizes, at odd offsets. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 6143, 6144, 6145, 12287, 12288, 12289, 24575, 24576, 24577,
            100_003})
    void crc64NvmeMatchesTheBitwiseDefinitionAtEveryLength(int length) {
        byte[] data = new byte[length + 3];
        new Random(length).nextBytes(data);
        byte[] slice = java.util.Arrays.copyOfRange(data, 3, data.length);
        long expected = ChecksumVectorsTest.bitwiseCrc64Nvme(slice);
        assertEquals(expected, Crc64Nvme.compute(data, 3, length));
        Crc64Nvme direct = new Crc64Nvme();
        direct.update(ByteBuffer.allocateDirect(length).put(slice).flip());
        assertEquals(expected, direct.getValue());
        Crc64Nvme single = new Crc64Nvme();
        for (byte b : slice) {
            single.update(b);
        }
        assertEquals(expected, single.getValue());
    }

    private static byte[] oneShot(ChecksumAlgorithm algorithm, byte[] data) {
        Checksummer c = algorithm.newChecksummer();
        c.update(data, 0, data.length);
        return c.digest();
    }
}
