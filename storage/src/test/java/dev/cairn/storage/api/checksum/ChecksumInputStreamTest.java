package dev.cairn.storage.api.checksum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChecksumInputStreamTest {

    private static final byte[] BODY = ChecksumVectorsTest.pattern(100_000);

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void passesBytesThroughAndVerifiesAtTheDeclaredLength(ChecksumAlgorithm a) throws IOException {
        String expected = checksum(a, BODY);
        try (ChecksumInputStream in = ChecksumInputStream.verifying(body(), a, BODY.length, expected)) {
            byte[] read = readExactly(in, BODY.length, new Random(a.ordinal()));
            assertArrayEquals(BODY, read);
            assertEquals(expected, in.digestBase64());
            assertEquals(-1, in.read());
        }
    }

    /** A consumer that reads exactly the length (as the ObjectLayer does) must still get the failure. */
    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void mismatchFailsTheReadThatReachesTheEnd(ChecksumAlgorithm a) throws IOException {
        String wrong = checksum(a, "something else".getBytes());
        ChecksumInputStream in = ChecksumInputStream.verifying(body(), a, BODY.length, wrong);
        byte[] buf = new byte[BODY.length];
        int off = in.readNBytes(buf, 0, BODY.length - 10);
        assertEquals(BODY.length - 10, off);
        S3Exception e = assertThrows(S3Exception.class, () -> in.read(buf, BODY.length - 10, 10));
        assertEquals(S3Error.BAD_DIGEST, e.error());
        assertEquals("The " + a.wireName() + " you specified did not match the calculated checksum.", e.getMessage());
        assertSame(e, assertThrows(S3Exception.class, in::read), "every later read fails the same way");
    }

    @Test
    void unknownLengthVerifiesAtEndOfStream() throws IOException {
        ChecksumAlgorithm a = ChecksumAlgorithm.CRC32C;
        ChecksumInputStream ok = ChecksumInputStream.verifying(body(), a, -1, checksum(a, BODY));
        assertArrayEquals(BODY, ok.readAllBytes());
        ChecksumInputStream bad = ChecksumInputStream.verifying(body(), a, -1, checksum(a, new byte[1]));
        assertEquals(BODY.length, bad.readNBytes(BODY.length).length);
        S3Exception e = assertThrows(S3Exception.class, bad::read);
        assertEquals(S3Error.BAD_DIGEST, e.error());
    }

    @Test
    void dataPastTheDeclaredLengthIsIncompleteBody() {
        ChecksumInputStream in = ChecksumInputStream.computing(body(), ChecksumAlgorithm.CRC32, BODY.length - 1);
        S3Exception e = assertThrows(S3Exception.class, in::readAllBytes);
        assertEquals(S3Error.INCOMPLETE_BODY, e.error());
    }

    @Test
    void aShortBodyEndsWithoutVerdict() throws IOException {
        ChecksumInputStream in = ChecksumInputStream.verifying(body(), ChecksumAlgorithm.SHA256, BODY.length + 5,
                checksum(ChecksumAlgorithm.SHA256, BODY));
        assertEquals(BODY.length, in.readAllBytes().length);
        assertNull(in.digest(), "no digest: the consumer reports the short body");
        assertEquals(BODY.length, in.consumed());
    }

    @Test
    void emptyBody() throws IOException {
        ChecksumAlgorithm a = ChecksumAlgorithm.CRC64NVME;
        ChecksumInputStream in = ChecksumInputStream.verifying(InputStream.nullInputStream(), a, 0, "AAAAAAAAAAA=");
        assertEquals(-1, in.read(new byte[4]));
        assertEquals("AAAAAAAAAAA=", in.digestBase64());
    }

    @Test
    void trailerValueIsAskedOnlyOnceTheBodyHasEnded() throws IOException {
        ChecksumAlgorithm a = ChecksumAlgorithm.CRC32;
        AtomicInteger asked = new AtomicInteger();
        ChecksumInputStream in = ChecksumInputStream.verifyingTrailer(body(), a, BODY.length, () -> {
            asked.incrementAndGet();
            return checksum(a, BODY);
        });
        in.readNBytes(BODY.length - 1);
        assertEquals(0, asked.get());
        in.read();
        assertEquals(1, asked.get());
        assertEquals(checksum(a, BODY), in.digestBase64());
    }

    @Test
    void missingTrailerIsMalformedTrailer() {
        ChecksumInputStream in = ChecksumInputStream.verifyingTrailer(body(), ChecksumAlgorithm.CRC32, BODY.length,
                () -> null);
        S3Exception e = assertThrows(S3Exception.class, in::readAllBytes);
        assertEquals(S3Error.MALFORMED_TRAILER, e.error());
    }

    @Test
    void malformedExpectedValueIsRefusedBeforeReading() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> ChecksumInputStream.verifying(body(), ChecksumAlgorithm.SHA1, BODY.length, "AAAA"));
        assertEquals(S3Error.INVALID_REQUEST, e.error());
    }

    @Test
    void skippedBytesAreChecksummedToo() throws IOException {
        ChecksumAlgorithm a = ChecksumAlgorithm.CRC32;
        ChecksumInputStream in = ChecksumInputStream.verifying(body(), a, BODY.length, checksum(a, BODY));
        assertEquals(50_000, in.skip(50_000));
        in.readAllBytes();
        assertEquals(checksum(a, BODY), in.digestBase64());
    }

    private static InputStream body() {
        return new ByteArrayInputStream(BODY);
    }

    /** Reads exactly {@code n} bytes in random chunks, never asking past {@code n}. */
    private static byte[] readExactly(InputStream in, int n, Random random) throws IOException {
        byte[] out = new byte[n];
        int off = 0;
        while (off < n) {
            int r = in.read(out, off, Math.min(n - off, 1 + random.nextInt(9000)));
            if (r < 0) {
                break;
            }
            off += r;
        }
        assertEquals(n, off);
        return out;
    }

    private static String checksum(ChecksumAlgorithm a, byte[] data) {
        Checksummer c = a.newChecksummer();
        c.update(data);
        return c.digestBase64();
    }
}
