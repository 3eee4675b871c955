package dev.cairn.storage.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** SipHash-2-4 against the 64 reference vectors and longer inputs from an independent implementation. */
class SipHash24Test {

    private static final byte[] KEY = HashTestData.counting(16);
    private static final long K0 = 0x0706050403020100L;
    private static final long K1 = 0x0F0E0D0C0B0A0908L;

    static Stream<Arguments> vectors() {
        return HashTestData.vectorLines("siphash24-vectors.txt").stream()
                .map(v -> Arguments.of(Integer.parseInt(v[0]), v[1]));
    }

    @ParameterizedTest(name = "len={0} -> {1}")
    @MethodSource("vectors")
    void matchesReference(int length, String expectedBytes) {
        byte[] message = HashTestData.counting(length);
        assertEquals(expectedBytes, littleEndianHex(SipHash24.hash(KEY, message)));
        assertEquals(expectedBytes, littleEndianHex(SipHash24.hash(K0, K1, message, 0, length)));
    }

    /** libhighwayhash's SipHashC (SipHash-2-4), key 00..0f, over {@code HashTestData.splitmix(length, length)}. */
    @ParameterizedTest(name = "len={0}")
    @CsvSource({"64, 82FDC8F1375100DF", "1000, 3B30DA8DE0544EFE", "65536, 3677F8C1C9CC42F8"})
    void matchesIndependentImplementationOnLongerInputs(int length, String expected) {
        byte[] data = HashTestData.splitmix(length, length);
        assertEquals(Long.parseUnsignedLong(expected, 16), SipHash24.hash(K0, K1, data, 0, length));
    }

    @Test
    void hashesOnlyTheGivenRange() {
        byte[] data = HashTestData.splitmix(3, 100);
        assertEquals(SipHash24.hash(KEY, Arrays.copyOfRange(data, 17, 17 + 29)), SipHash24.hash(K0, K1, data, 17, 29));
    }

    @Test
    void rejectsBadKeysAndRanges() {
        assertThrows(IllegalArgumentException.class, () -> SipHash24.hash(new byte[15], new byte[0]));
        assertThrows(IndexOutOfBoundsException.class, () -> SipHash24.hash(K0, K1, new byte[8], 4, 5));
    }

    private static String littleEndianHex(long value) {
        byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        return HexFormat.of().formatHex(b);
    }
}
