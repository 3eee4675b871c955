package dev.cairn.storage.api.checksum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Published values for every algorithm, and 1 MiB cross-checked against independent implementations. */
class ChecksumVectorsTest {

    static final int MIB = 1 << 20;

    /** Check values of the CRC catalogue ("123456789"), the empty input, and the SHA test vectors. */
    @ParameterizedTest(name = "{0}({1}) = {2}")
    @CsvSource(delimiter = '|', value = {
            "CRC32|''|00000000",
            "CRC32|123456789|cbf43926",
            "CRC32C|''|00000000",
            "CRC32C|123456789|e3069283",
            "CRC64NVME|''|0000000000000000",
            "CRC64NVME|123456789|ae8b14860a799888",
            "SHA1|''|da39a3ee5e6b4b0d3255bfef95601890afd80709",
            "SHA1|123456789|f7c3bc1d808e04732adf679965ccc34ca7ae3441",
            "SHA256|''|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "SHA256|123456789|15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225",
    })
    void knownDigests(ChecksumAlgorithm algorithm, String input, String hex) {
        Checksummer c = algorithm.newChecksummer();
        c.update(input.getBytes(StandardCharsets.US_ASCII));
        assertEquals(hex, HexFormat.of().formatHex(c.digest()));
    }

    /** The values AWS SDKs' flexible-checksum tests use for "Hello world" (base64, big-endian CRCs). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CRC32, i9aeUg==",
            "CRC32C, crUfeA==",
            "CRC64NVME, OOJZ0D8xKts=",
            "SHA1, e1AsOh9IyGCa4hLN+2Od7jlnP14=",
            "SHA256, ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=",
    })
    void awsSdkValuesOfHelloWorld(ChecksumAlgorithm algorithm, String base64) {
        Checksummer c = algorithm.newChecksummer();
        c.update("Hello world".getBytes(StandardCharsets.US_ASCII));
        assertEquals(base64, c.digestBase64());
    }

    /** NVM Express NVM Command Set 1.0d, figure 122 (also the Linux kernel's crc64-nvme test vectors). */
    @Test
    void crc64NvmeSpecificationVectors() {
        byte[] zeros = new byte[4096];
        byte[] ones = new byte[4096];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        assertEquals(0x6482D367EB22B64EL, Crc64Nvme.compute(zeros, 0, zeros.length));
        assertEquals(0xC0DDBA7302ECA3ACL, Crc64Nvme.compute(ones, 0, ones.length));
    }

    @Test
    void oneMibAgainstTheJdkAndABitwiseReference() throws Exception {
        byte[] data = pattern(MIB);
        CRC32 crc32 = new CRC32();
        crc32.update(data);
        CRC32C crc32c = new CRC32C();
        crc32c.update(data);
        assertEquals(crc32.getValue(), value(ChecksumAlgorithm.CRC32, data));
        assertEquals(0x4C312E16L, crc32.getValue()); // zlib.crc32 of the same pattern, from Python
        assertEquals(crc32c.getValue(), value(ChecksumAlgorithm.CRC32C, data));
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest(data), digest(ChecksumAlgorithm.SHA1, data));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), digest(ChecksumAlgorithm.SHA256, data));
        long crc64 = value(ChecksumAlgorithm.CRC64NVME, data);
        assertEquals(bitwiseCrc64Nvme(data), crc64);
        assertEquals(0x0BF145B16ABFC291L, crc64); // a byte-table implementation in Python, for the same pattern
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void digestResets(ChecksumAlgorithm algorithm) {
        Checksummer c = algorithm.newChecksummer();
        c.update(new byte[] {1, 2, 3});
        c.digest();
        c.update("123456789".getBytes(StandardCharsets.US_ASCII));
        Checksummer fresh = algorithm.newChecksummer();
        fresh.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(fresh.digest(), c.digest());
        c.update(new byte[] {9});
        c.reset();
        assertArrayEquals(algorithm.newChecksummer().digest(), c.digest());
    }

    /** The same byte sequence for any size: (31 i + i / 256) mod 256. */
    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >>> 8));
        }
        return b;
    }

    /** CRC-64/NVME one bit at a time, straight from the definition: shares nothing with the table code. */
    static long bitwiseCrc64Nvme(byte[] data) {
        long c = -1L;
        for (byte b : data) {
            c ^= b & 0xFF;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x9A6C9329AC4BC9B5L : c >>> 1;
            }
        }
        return ~c;
    }

    private static byte[] digest(ChecksumAlgorithm a, byte[] data) {
        Checksummer c = a.newChecksummer();
        c.update(data);
        return c.digest();
    }

    private static long value(ChecksumAlgorithm a, byte[] data) {
        byte[] d = digest(a, data);
        assertEquals(a.digestLength(), d.length);
        assertEquals(Base64.getEncoder().encodeToString(d), a.encode(d));
        return CrcChecksummer.fromBytes(d);
    }
}
