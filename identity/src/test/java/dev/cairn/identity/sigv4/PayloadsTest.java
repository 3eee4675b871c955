package dev.cairn.identity.sigv4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadsTest {

    static Stream<Arguments> bodies() {
        return Stream.of(Arguments.of(0, 1L), Arguments.of(1, 2L), Arguments.of(1000, 3L), Arguments.of(65536, 4L),
                Arguments.of(1_000_003, 5L));
    }

    @ParameterizedTest(name = "{0} bytes, read seed {1}")
    @MethodSource("bodies")
    void verifiedBodyPassesThroughWithRandomReads(int size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] data = Streams.randomBytes(random, size);
        String digest = TestSigner.sha256Hex(data);
        InputStream in = Payloads.verifySha256(Streams.trickle(data, random, 10_000), digest);
        assertArrayEquals(data, Streams.readRandomly(in, random, 20_000));
        assertEquals(-1, in.read());
    }

    @ParameterizedTest(name = "{0} bytes, read seed {1}")
    @MethodSource("bodies")
    void changedBodyFailsBeforeEndOfStream(int size, long seed) {
        Random random = new Random(seed);
        byte[] data = Streams.randomBytes(random, size);
        String digest = TestSigner.sha256Hex(data);
        byte[] changed = size == 0 ? new byte[] {0} : data.clone();
        if (size > 0) {
            changed[random.nextInt(size)] ^= 1;
        }
        InputStream in = Payloads.verifySha256(Streams.trickle(changed, random, 10_000), digest);
        AuthAssertions.fails(AuthError.X_AMZ_CONTENT_SHA256_MISMATCH, () -> Streams.readRandomly(in, random, 20_000));
    }

    @Test
    void shortBodyFailsAndKeepsFailing() {
        byte[] data = {1, 2, 3};
        InputStream in = Payloads.verifySha256(new ByteArrayInputStream(new byte[] {1, 2}), TestSigner.sha256Hex(data));
        AuthException first = assertThrows(AuthException.class, in::readAllBytes);
        assertSame(first, assertThrows(AuthException.class, in::read));
    }

    @Test
    void upperCaseDigestIsAccepted() throws IOException {
        byte[] data = {1, 2, 3};
        String upper = TestSigner.sha256Hex(data).toUpperCase(Locale.ROOT);
        assertArrayEquals(data, Payloads.verifySha256(new ByteArrayInputStream(data), upper).readAllBytes());
    }

    @Test
    void skippedBytesAreHashedToo() throws IOException {
        byte[] data = Streams.randomBytes(new Random(1), 10_000);
        InputStream in = Payloads.verifySha256(new ByteArrayInputStream(data), TestSigner.sha256Hex(data));
        assertEquals(5000, in.skip(5000));
        assertEquals(5000, in.readAllBytes().length);
        byte[] changed = data.clone();
        changed[10] ^= 1;
        InputStream bad = Payloads.verifySha256(new ByteArrayInputStream(changed), TestSigner.sha256Hex(data));
        bad.skip(5000);
        AuthAssertions.fails(AuthError.X_AMZ_CONTENT_SHA256_MISMATCH, bad::readAllBytes);
    }

    @Test
    void notADigestIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> Payloads.verifySha256(new ByteArrayInputStream(new byte[0]), "UNSIGNED-PAYLOAD"));
    }
}
