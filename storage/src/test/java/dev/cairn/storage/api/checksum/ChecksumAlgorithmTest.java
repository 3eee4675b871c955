package dev.cairn.storage.api.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumAlgorithmTest {

    @ParameterizedTest
    @CsvSource({
            "CRC32, x-amz-checksum-crc32, ChecksumCRC32, 4",
            "CRC32C, x-amz-checksum-crc32c, ChecksumCRC32C, 4",
            "CRC64NVME, x-amz-checksum-crc64nvme, ChecksumCRC64NVME, 8",
            "SHA1, x-amz-checksum-sha1, ChecksumSHA1, 20",
            "SHA256, x-amz-checksum-sha256, ChecksumSHA256, 32",
    })
    void namesAndSizes(ChecksumAlgorithm a, String header, String element, int length) {
        assertEquals(header, a.headerName());
        assertEquals(element, a.xmlElement());
        assertEquals(length, a.digestLength());
        assertSame(a, ChecksumAlgorithm.parse(a.wireName().toLowerCase()));
        assertSame(a, ChecksumAlgorithm.fromHeaderName(header.toUpperCase()));
    }

    @Test
    void typesEachAlgorithmSupports() {
        assertFalse(ChecksumAlgorithm.CRC64NVME.supportsComposite());
        assertFalse(ChecksumAlgorithm.SHA256.supportsFullObject());
        assertTrue(ChecksumAlgorithm.CRC32C.supports(ChecksumType.FULL_OBJECT));
        assertTrue(ChecksumAlgorithm.SHA1.supports(ChecksumType.COMPOSITE));
        assertEquals(ChecksumType.FULL_OBJECT, ChecksumType.defaultFor(ChecksumAlgorithm.CRC64NVME));
        assertEquals(ChecksumType.COMPOSITE, ChecksumType.defaultFor(ChecksumAlgorithm.CRC32));
        assertEquals(ChecksumType.FULL_OBJECT, ChecksumType.parse("full_object"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "", "CRC16"})
    void unknownAlgorithmIsInvalidRequest(String name) {
        S3Exception e = assertThrows(S3Exception.class, () -> ChecksumAlgorithm.parse(name));
        assertEquals(S3Error.INVALID_REQUEST, e.error());
        assertNull(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-md5"));
        assertThrows(S3Exception.class, () -> ChecksumType.parse("PARTIAL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "AAAA", "AAAAAAAAAAA=", "y/Q5Jg"})
    void malformedValueIsInvalidRequestNamingTheHeader(String value) {
        S3Exception e = assertThrows(S3Exception.class, () -> ChecksumAlgorithm.CRC32.decode(value));
        assertEquals(S3Error.INVALID_REQUEST, e.error());
        assertEquals("Value for x-amz-checksum-crc32 header is invalid.", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void encodeAndDecodeRoundTrip(ChecksumAlgorithm a) {
        byte[] raw = new byte[a.digestLength()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 37 + 1);
        }
        assertEquals(a.encode(raw), a.encode(a.decode(" " + a.encode(raw) + " ")));
    }
}
