package dev.cairn.storage.api.checksum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MultipartChecksumsTest {

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "SHA1", "SHA256"})
    void compositeIsTheChecksumOfTheConcatenatedPartChecksums(ChecksumAlgorithm algorithm) {
        List<byte[]> parts = split(ChecksumVectorsTest.pattern(50_000), new int[] {20_000, 20_000, 10_000});
        List<byte[]> partChecksums = new ArrayList<>();
        ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            byte[] d = digest(algorithm, p);
            partChecksums.add(d);
            concatenated.writeBytes(d);
        }
        String expected = Base64.getEncoder().encodeToString(digest(algorithm, concatenated.toByteArray())) + "-3";
        assertEquals(expected, MultipartChecksums.composite(algorithm, partChecksums));
    }

    @Test
    void compositeOfCrc32MatchesAHandComputedValue() {
        // Parts "123" and "456789": their CRC32s (JDK) as big-endian bytes, run through the JDK's CRC32 again.
        java.util.zip.CRC32 a = new java.util.zip.CRC32();
        a.update("123".getBytes());
        java.util.zip.CRC32 b = new java.util.zip.CRC32();
        b.update("456789".getBytes());
        byte[] both = new byte[8];
        for (int i = 0; i < 4; i++) {
            both[i] = (byte) (a.getValue() >>> (24 - 8 * i));
            both[4 + i] = (byte) (b.getValue() >>> (24 - 8 * i));
        }
        java.util.zip.CRC32 whole = new java.util.zip.CRC32();
        whole.update(both);
        String expected = Base64.getEncoder().encodeToString(CrcChecksummer.toBytes(whole.getValue(), 4)) + "-2";
        assertEquals(expected, MultipartChecksums.composite(ChecksumAlgorithm.CRC32,
                List.of(Arrays.copyOfRange(both, 0, 4), Arrays.copyOfRange(both, 4, 8))));
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void fullObjectCombinesPartCrcsIntoTheWholeObjectsCrc(ChecksumAlgorithm algorithm) {
        Random random = new Random(algorithm.ordinal());
        for (int round = 0; round < 20; round++) {
            byte[] data = new byte[random.nextInt(200_000)];
            random.nextBytes(data);
            int[] sizes = randomSizes(random, data.length, 1 + random.nextInt(6));
            List<MultipartChecksums.Part> parts = new ArrayList<>();
            for (byte[] p : split(data, sizes)) {
                parts.add(new MultipartChecksums.Part(digest(algorithm, p), p.length));
            }
            assertArrayEquals(digest(algorithm, data), MultipartChecksums.fullObject(algorithm, parts),
                    "round " + round);
        }
    }

    @Test
    void fullObjectOfOnePartIsThatPartsChecksum() {
        byte[] d = digest(ChecksumAlgorithm.CRC64NVME, "123456789".getBytes());
        assertEquals(Base64.getEncoder().encodeToString(d),
                MultipartChecksums.fullObjectBase64(ChecksumAlgorithm.CRC64NVME,
                        List.of(new MultipartChecksums.Part(d, 9))));
    }

    @Test
    void typesAlgorithmsDoNotSupportAreRefused() {
        byte[] sha = new byte[20];
        assertThrows(IllegalArgumentException.class, () -> MultipartChecksums.fullObject(ChecksumAlgorithm.SHA1,
                List.of(new MultipartChecksums.Part(sha, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> MultipartChecksums.composite(ChecksumAlgorithm.CRC64NVME, List.of(new byte[8])));
        assertThrows(IllegalArgumentException.class,
                () -> MultipartChecksums.composite(ChecksumAlgorithm.CRC32, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> MultipartChecksums.composite(ChecksumAlgorithm.CRC32, List.of(new byte[5])));
    }

    /** {@code n} sizes summing to {@code total}, zeros allowed. */
    private static int[] randomSizes(Random random, int total, int n) {
        int[] cuts = new int[n + 1];
        cuts[n] = total;
        for (int i = 1; i < n; i++) {
            cuts[i] = random.nextInt(total + 1);
        }
        Arrays.sort(cuts);
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = cuts[i + 1] - cuts[i];
        }
        return sizes;
    }

    private static List<byte[]> split(byte[] data, int[] sizes) {
        List<byte[]> out = new ArrayList<>();
        int off = 0;
        for (int s : sizes) {
            out.add(Arrays.copyOfRange(data, off, off + s));
            off += s;
        }
        return out;
    }

    private static byte[] digest(ChecksumAlgorithm a, byte[] data) {
        Checksummer c = a.newChecksummer();
        c.update(data);
        return c.digest();
    }
}
