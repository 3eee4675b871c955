package dev.cairn.identity.sigv4;

import static dev.cairn.identity.sigv4.AwsExamples.ACCESS_KEY;
import static dev.cairn.identity.sigv4.AwsExamples.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code aws-chunked} bodies in all three streaming modes, made by the independent {@link TestSigner} from a
 * request it signed, decoded with random read sizes, and broken in every way the framing can break.
 */
class ChunkedPayloadStreamTest {

    static final Instant T = Instant.parse(AwsExamples.TIME);
    static final Map<String, String> CRC32C = Map.of("x-amz-checksum-crc32c", "sOO8/Q==");

    private final RequestAuthenticator authenticator =
            new RequestAuthenticator(AwsExamples.store(), new MutableClock(T));

    /** A signed request of {@code mode}, the data, and its encoded body. */
    record Upload(AuthResult auth, byte[] data, TestSigner.Encoded encoded) {
        ChunkedPayloadStream open(byte[] body, Long decodedLength) {
            return (ChunkedPayloadStream) Payloads.wrapBody(auth, new ByteArrayInputStream(body), decodedLength);
        }

        ChunkedPayloadStream open() {
            return open(encoded.body(), (long) data.length);
        }
    }

    Upload upload(PayloadMode mode, byte[] data, int chunkSize, Map<String, String> trailers) {
        TestSigner.Spec spec = TestSigner.Spec.of("PUT", "/bucket/object").payload(mode.wireValue())
                .header("content-encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", Integer.toString(data.length));
        if (mode.trailer()) {
            spec = spec.header("x-amz-trailer", String.join(",", trailers.keySet()));
        }
        FakeRequest req = TestSigner.signHeader(spec, ACCESS_KEY, SECRET_KEY, T, "us-east-1");
        AuthResult auth = authenticator.authenticate(req);
        assertEquals(mode, auth.payloadMode());
        TestSigner.ChunkKey key = mode.signedChunks()
                ? TestSigner.ChunkKey.of(SECRET_KEY, TestSigner.ISO_BASIC.format(T), "us-east-1",
                        TestSigner.seedSignature(req))
                : null;
        return new Upload(auth, data, TestSigner.chunked(data, chunkSize, key, mode.trailer() ? trailers : null));
    }

    Upload upload(PayloadMode mode, int size, int chunkSize) {
        return upload(mode, Streams.randomBytes(new Random(size), size), chunkSize, CRC32C);
    }

    static final PayloadMode[] STREAMING = {
        PayloadMode.STREAMING_SIGNED, PayloadMode.STREAMING_SIGNED_TRAILER, PayloadMode.STREAMING_UNSIGNED_TRAILER
    };

    static Stream<Arguments> shapes() {
        List<Arguments> shapes = new ArrayList<>();
        int[][] sizes = {{0, 8192}, {1, 8192}, {8192, 8192}, {8193, 8192}, {200_000, 65536}, {100_000, 7000},
            {3000, 1}};
        for (PayloadMode mode : STREAMING) {
            for (int[] s : sizes) {
                for (long seed : new long[] {1, 2, 3}) {
                    shapes.add(Arguments.of(mode, s[0], s[1], seed));
                }
            }
        }
        return shapes.stream();
    }

    @ParameterizedTest(name = "{0}: {1} bytes in chunks of {2}, read seed {3}")
    @MethodSource("shapes")
    void decodesWithRandomReadSizes(PayloadMode mode, int size, int chunkSize, long seed) throws IOException {
        Upload u = upload(mode, size, chunkSize);
        Random random = new Random(seed);
        InputStream body = Payloads.wrapBody(u.auth(), Streams.trickle(u.encoded().body(), random, 5000), (long) size);
        assertArrayEquals(u.data(), Streams.readRandomly(body, random, 3 * chunkSize + 7));
        ChunkedPayloadStream chunked = (ChunkedPayloadStream) body;
        assertEquals(mode.trailer() ? CRC32C : Map.of(), chunked.trailers());
        assertEquals(size, chunked.decodedBytes());
        assertEquals(-1, body.read(), "end of stream stays the end");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"STREAMING_SIGNED", "STREAMING_SIGNED_TRAILER", "STREAMING_UNSIGNED_TRAILER"})
    void readsThroughTransferToAndSkip(PayloadMode mode) throws IOException {
        Upload u = upload(mode, 100_000, 8192);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u.open().transferTo(out);
        assertArrayEquals(u.data(), out.toByteArray());
        ChunkedPayloadStream skipping = u.open();
        assertEquals(50_000, skipping.skip(50_000));
        assertArrayEquals(Arrays.copyOfRange(u.data(), 50_000, 100_000), skipping.readAllBytes());
    }

    /** Where the final (zero-size) chunk's header line ends: a body cut anywhere before is incomplete. */
    static int finalHeaderEnd(TestSigner.Encoded e) {
        int start = e.chunkStarts().getLast();
        for (int i = start; ; i++) {
            if (e.body()[i] == '\n') {
                return i + 1;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"STREAMING_SIGNED", "STREAMING_SIGNED_TRAILER", "STREAMING_UNSIGNED_TRAILER"})
    void truncatedAnywhereBeforeTheFinalChunkIsIncomplete(PayloadMode mode) {
        Upload u = upload(mode, 2500, 1000);
        byte[] body = u.encoded().body();
        for (int cut = 0; cut < finalHeaderEnd(u.encoded()); cut++) {
            ByteArrayOutputStream delivered = new ByteArrayOutputStream();
            ChunkedPayloadStream in = u.open(Arrays.copyOf(body, cut), null);
            AuthException e = assertThrows(AuthException.class, () -> in.transferTo(delivered), "cut at " + cut);
            assertEquals(AuthError.INCOMPLETE_BODY, e.error(), "cut at " + cut + ": " + e.getMessage());
            assertUnverifiedBytesWithheld(mode, u, cut, delivered.toByteArray());
        }
    }

    /** Signed chunks are delivered only whole and verified: never data of a chunk the cut went through. */
    private static void assertUnverifiedBytesWithheld(PayloadMode mode, Upload u, int cut, byte[] delivered) {
        assertArrayEquals(Arrays.copyOf(u.data(), delivered.length), delivered, "a prefix of the data");
        if (!mode.signedChunks()) {
            return;
        }
        List<Integer> starts = u.encoded().chunkStarts();
        int complete = 0;
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i) <= cut) {
                complete = i;
            }
        }
        assertEquals(Math.min(complete * 1000, u.data().length), delivered.length, "cut at " + cut);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"STREAMING_SIGNED", "STREAMING_SIGNED_TRAILER"})
    void everyFlippedByteOfASignedBodyFails(PayloadMode mode) throws IOException {
        Upload u = upload(mode, 2500, 1000);
        byte[] body = u.encoded().body();
        for (int i = 0; i < body.length; i++) {
            byte[] flipped = body.clone();
            flipped[i] ^= 0x01;
            ChunkedPayloadStream in = u.open(flipped, 2500L);
            try {
                in.readAllBytes();
                fail("flipped byte " + i + " (" + (char) body[i] + ") was accepted");
            } catch (AuthException expected) {
                // Any error will do: every byte matters.
            }
        }
    }

    static Stream<Arguments> flips() {
        return Stream.of(
                Arguments.of("data of the first chunk", "aaaa", AuthError.INVALID_CHUNK_SIGNATURE),
                Arguments.of("signature of the second chunk", "chunk-signature=1c13", AuthError.INVALID_CHUNK_SIGNATURE),
                Arguments.of("signature of the final chunk", "chunk-signature=2ca2", AuthError.INVALID_CHUNK_SIGNATURE),
                Arguments.of("trailer value", "sOO8", AuthError.INVALID_CHUNK_SIGNATURE),
                Arguments.of("trailer signature", "signature:d81f", AuthError.INVALID_CHUNK_SIGNATURE),
                Arguments.of("trailer name", "crc32c:", AuthError.MALFORMED_TRAILER),
                Arguments.of("chunk size", "400;", AuthError.INVALID_REQUEST));
    }

    @ParameterizedTest(name = "flipped {0}")
    @MethodSource("flips")
    void flippedByteOfTheDocumentedTrailerBody(String what, String marker, AuthError expected) {
        byte[] body = AwsExamples.chunkedBody(AwsExamples.TRAILER_CHUNK_SIGNATURES, AwsExamples.trailerSection());
        int at = indexOf(body, marker) + marker.length() - 1;
        body[at] ^= 0x01;
        AuthResult auth = authenticator.authenticate(AwsExamples.chunkedPutWithTrailer());
        InputStream in = Payloads.wrapBody(auth, new ByteArrayInputStream(body), 66560L);
        AuthAssertions.fails(expected, in::readAllBytes);
    }

    @Test
    void missingFinalChunkIsIncomplete() {
        Upload u = upload(PayloadMode.STREAMING_SIGNED, 3000, 1000);
        byte[] body = Arrays.copyOf(u.encoded().body(), u.encoded().chunkStarts().getLast());
        AuthAssertions.fails(AuthError.INCOMPLETE_BODY, () -> u.open(body, null).readAllBytes());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"STREAMING_SIGNED", "STREAMING_SIGNED_TRAILER", "STREAMING_UNSIGNED_TRAILER"})
    void bytesAfterTheEndAreRefused(PayloadMode mode) {
        Upload u = upload(mode, 3000, 1000);
        byte[] body = Arrays.copyOf(u.encoded().body(), u.encoded().body().length + 1);
        body[body.length - 1] = 'x';
        AuthAssertions.fails(AuthError.INVALID_REQUEST, () -> u.open(body, 3000L).readAllBytes());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"STREAMING_SIGNED", "STREAMING_SIGNED_TRAILER", "STREAMING_UNSIGNED_TRAILER"})
    void theFinalEmptyLineMayBeMissingAtTheEnd(PayloadMode mode) throws IOException {
        Upload u = upload(mode, 3000, 1000);
        byte[] body = Arrays.copyOf(u.encoded().body(), u.encoded().body().length - 2);
        assertArrayEquals(u.data(), u.open(body, 3000L).readAllBytes());
    }

    @Test
    void decodedLengthMustMatch() throws IOException {
        Upload u = upload(PayloadMode.STREAMING_SIGNED, 3000, 1000);
        AuthAssertions.fails(AuthError.INCOMPLETE_BODY, () -> u.open(u.encoded().body(), 2999L).readAllBytes());
        AuthAssertions.fails(AuthError.INCOMPLETE_BODY, () -> u.open(u.encoded().body(), 3001L).readAllBytes());
        assertArrayEquals(u.data(), u.open(u.encoded().body(), null).readAllBytes());
    }

    @Test
    void reorderedChunksFail() {
        Upload u = upload(PayloadMode.STREAMING_SIGNED, 3000, 1000);
        List<Integer> s = u.encoded().chunkStarts();
        byte[] b = u.encoded().body();
        byte[] swapped = concat(Arrays.copyOfRange(b, s.get(1), s.get(2)), Arrays.copyOfRange(b, s.get(0), s.get(1)),
                Arrays.copyOfRange(b, s.get(2), b.length));
        AuthAssertions.fails(AuthError.INVALID_CHUNK_SIGNATURE, () -> u.open(swapped, null).readAllBytes());
    }

    @Test
    void chunksOfAnotherRequestFail() {
        Upload mine = upload(PayloadMode.STREAMING_SIGNED, 3000, 1000);
        TestSigner.Encoded theirs = TestSigner.chunked(mine.data(), 1000,
                TestSigner.ChunkKey.of(SECRET_KEY, TestSigner.ISO_BASIC.format(T), "us-east-1", "0".repeat(64)), null);
        AuthAssertions.fails(AuthError.INVALID_CHUNK_SIGNATURE, () -> mine.open(theirs.body(), null).readAllBytes());
    }

    static Stream<Arguments> malformedFraming() {
        String sig = ";chunk-signature=" + "0".repeat(64);
        return Stream.of(
                Arguments.of("size over 16 MiB", "1000001" + sig + "\r\n", AuthError.INVALID_REQUEST),
                Arguments.of("size too long", "000000001" + sig + "\r\n", AuthError.INVALID_REQUEST),
                Arguments.of("size not hex", "4g0" + sig + "\r\n", AuthError.INVALID_REQUEST),
                Arguments.of("empty size", sig + "\r\n", AuthError.INVALID_REQUEST),
                Arguments.of("no chunk-signature", "400\r\n", AuthError.INVALID_REQUEST),
                Arguments.of("other extension", "400;chunk-sig=abc\r\n", AuthError.INVALID_REQUEST),
                Arguments.of("header ends in LF only", "400" + sig + "\n", AuthError.INVALID_REQUEST),
                Arguments.of("header line too long", "400" + sig + " ".repeat(5000) + "\r\n", AuthError.INVALID_REQUEST),
                Arguments.of("empty body", "", AuthError.INCOMPLETE_BODY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFraming")
    void malformedChunkHeadersAreRefused(String name, String wire, AuthError expected) {
        Upload u = upload(PayloadMode.STREAMING_SIGNED, 10, 10);
        AuthAssertions.fails(expected, () -> u.open(wire.getBytes(StandardCharsets.ISO_8859_1), null).readAllBytes());
    }

    @Test
    void chunkLongerThanItsHeaderSays() {
        Upload u = upload(PayloadMode.STREAMING_UNSIGNED_TRAILER, 10, 10);
        byte[] wire = "5\r\n0123456789\r\n0\r\nx-amz-checksum-crc32c:sOO8/Q==\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        AuthAssertions.fails(AuthError.INVALID_REQUEST, () -> u.open(wire, null).readAllBytes());
    }

    @Test
    void unsignedChunksMayCarryExtensions() throws IOException {
        Upload u = upload(PayloadMode.STREAMING_UNSIGNED_TRAILER, 10, 10);
        byte[] wire = "a;ext=1\r\n0123456789\r\n0\r\nx-amz-checksum-crc32c:sOO8/Q==\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals("0123456789", new String(u.open(wire, 10L).readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void aMaximumSizeChunkIsAcceptedAndBuffersOnlyItself() throws IOException {
        Upload u = upload(PayloadMode.STREAMING_SIGNED, ChunkedPayloadStream.MAX_CHUNK_SIZE,
                ChunkedPayloadStream.MAX_CHUNK_SIZE);
        ChunkedPayloadStream in = u.open();
        assertArrayEquals(u.data(), in.readAllBytes());
        assertEquals(ChunkedPayloadStream.MAX_CHUNK_SIZE, in.bufferCapacity());
        Upload small = upload(PayloadMode.STREAMING_SIGNED, 1 << 20, 65536);
        ChunkedPayloadStream smallIn = small.open();
        smallIn.readAllBytes();
        assertEquals(65536, smallIn.bufferCapacity(), "one chunk is buffered at a time");
    }

    static Stream<Arguments> badTrailers() {
        return Stream.of(
                Arguments.of("announced trailer missing", PayloadMode.STREAMING_UNSIGNED_TRAILER,
                        "x-amz-checksum-crc32:AAAAAA==\r\n\r\n", AuthError.MALFORMED_TRAILER),
                Arguments.of("nothing after the final chunk", PayloadMode.STREAMING_UNSIGNED_TRAILER, "",
                        AuthError.MALFORMED_TRAILER),
                Arguments.of("trailer twice", PayloadMode.STREAMING_UNSIGNED_TRAILER,
                        "x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-checksum-crc32c:sOO8/Q==\r\n\r\n",
                        AuthError.MALFORMED_TRAILER),
                Arguments.of("line without colon", PayloadMode.STREAMING_UNSIGNED_TRAILER,
                        "x-amz-checksum-crc32c sOO8/Q==\r\n\r\n", AuthError.MALFORMED_TRAILER),
                Arguments.of("line with empty name", PayloadMode.STREAMING_UNSIGNED_TRAILER, ":sOO8/Q==\r\n\r\n",
                        AuthError.MALFORMED_TRAILER),
                Arguments.of("trailer line cut", PayloadMode.STREAMING_UNSIGNED_TRAILER, "x-amz-checksum-crc32c:sO",
                        AuthError.INCOMPLETE_BODY),
                Arguments.of("too many lines", PayloadMode.STREAMING_UNSIGNED_TRAILER,
                        "x-amz-checksum-crc32c:sOO8/Q==\r\n" + "x-other:1\r\n".repeat(20) + "\r\n",
                        AuthError.MALFORMED_TRAILER),
                Arguments.of("no trailer signature", PayloadMode.STREAMING_SIGNED_TRAILER,
                        "x-amz-checksum-crc32c:sOO8/Q==\r\n\r\n", AuthError.MALFORMED_TRAILER),
                Arguments.of("trailers on a payload without", PayloadMode.STREAMING_SIGNED,
                        "x-amz-checksum-crc32c:sOO8/Q==\r\n\r\n", AuthError.MALFORMED_TRAILER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTrailers")
    void badTrailersAreRefused(String name, PayloadMode mode, String trailerSection, AuthError expected) {
        Upload u = upload(mode, 10, 10);
        byte[] full = u.encoded().body();
        byte[] body = concat(Arrays.copyOf(full, finalHeaderEnd(u.encoded())),
                trailerSection.getBytes(StandardCharsets.US_ASCII));
        AuthAssertions.fails(expected, () -> u.open(body, 10L).readAllBytes());
    }

    @Test
    void signedTrailerFollowedByAnotherLineIsRefused() {
        byte[] body = AwsExamples.chunkedBody(AwsExamples.TRAILER_CHUNK_SIGNATURES,
                AwsExamples.trailerSection() + "x-amz-checksum-crc32c:sOO8/Q==\r\n");
        AuthResult auth = authenticator.authenticate(AwsExamples.chunkedPutWithTrailer());
        AuthAssertions.fails(AuthError.MALFORMED_TRAILER,
                () -> Payloads.wrapBody(auth, new ByteArrayInputStream(body), null).readAllBytes());
    }

    @Test
    void trailerLinesMayEndInBareLf() throws IOException {
        byte[] body = AwsExamples.chunkedBody(AwsExamples.TRAILER_CHUNK_SIGNATURES,
                AwsExamples.trailerSection().replace("\r\n", "\n"));
        AuthResult auth = authenticator.authenticate(AwsExamples.chunkedPutWithTrailer());
        ChunkedPayloadStream in = (ChunkedPayloadStream) Payloads.wrapBody(auth, new ByteArrayInputStream(body), 66560L);
        assertEquals(66560, in.readAllBytes().length);
        assertEquals(CRC32C, in.trailers());
    }

    @Test
    void severalTrailersAreSignedTogether() throws IOException {
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put("x-amz-checksum-crc32c", "sOO8/Q==");
        trailers.put("x-amz-checksum-sha256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        Upload u = upload(PayloadMode.STREAMING_SIGNED_TRAILER, Streams.randomBytes(new Random(9), 5000), 4096, trailers);
        ChunkedPayloadStream in = u.open();
        assertArrayEquals(u.data(), in.readAllBytes());
        assertEquals(trailers, in.trailers());
    }

    @Test
    void trailersAreKnownOnlyAtTheEnd() throws IOException {
        Upload u = upload(PayloadMode.STREAMING_UNSIGNED_TRAILER, 3000, 1000);
        ChunkedPayloadStream in = u.open();
        in.read(new byte[100]);
        assertThrows(IllegalStateException.class, in::trailers);
    }

    @Test
    void failureIsSticky() {
        Upload u = upload(PayloadMode.STREAMING_SIGNED, 3000, 1000);
        byte[] body = u.encoded().body().clone();
        body[body.length / 2] ^= 1;
        ChunkedPayloadStream in = u.open(body, null);
        AuthException first = assertThrows(AuthException.class, in::readAllBytes);
        assertSame(first, assertThrows(AuthException.class, in::read));
        assertEquals(0, assertDoesNotThrowAvailable(in));
    }

    private static int assertDoesNotThrowAvailable(InputStream in) {
        try {
            return in.available();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void closingClosesTheRawStream() throws IOException {
        Upload u = upload(PayloadMode.STREAMING_SIGNED, 10, 10);
        boolean[] closed = {false};
        InputStream raw = new ByteArrayInputStream(u.encoded().body()) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Payloads.wrapBody(u.auth(), raw, null).close();
        assertTrue(closed[0]);
    }

    @Test
    void refusesANonStreamingResult() {
        AuthResult plain = authenticator.authenticate(AwsExamples.getObject());
        assertThrows(IllegalArgumentException.class,
                () -> new ChunkedPayloadStream(new ByteArrayInputStream(new byte[0]), plain, null));
    }

    private static int indexOf(byte[] haystack, String needle) {
        String s = new String(haystack, StandardCharsets.ISO_8859_1);
        int i = s.indexOf(needle);
        assertTrue(i >= 0, needle);
        return i;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
