package dev.cairn.identity.sigv4;

import static dev.cairn.identity.sigv4.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every worked example of the AWS SigV4-for-S3 documentation, verified as published. */
class AwsExamplesTest {

    private final MutableClock clock = MutableClock.at(TIME);
    private final RequestAuthenticator authenticator = new RequestAuthenticator(store(), clock);

    static Stream<Arguments> documentedRequests() {
        return Stream.of(
                Arguments.of("GET Object with Range", getObject(), PayloadMode.SIGNED, false),
                Arguments.of("PUT Object, '$' sent raw", putObject("/test$file.text"), PayloadMode.SIGNED, false),
                Arguments.of("PUT Object, '$' sent as %24", putObject("/test%24file.text"), PayloadMode.SIGNED, false),
                Arguments.of("GET Bucket Lifecycle", getLifecycle(), PayloadMode.SIGNED, false),
                Arguments.of("GET Bucket (List Objects)", listObjects("max-keys=2&prefix=J"), PayloadMode.SIGNED, false),
                Arguments.of("List Objects, parameters sent in another order", listObjects("prefix=J&max-keys=2"),
                        PayloadMode.SIGNED, false),
                Arguments.of("presigned GET Object", presignedGet(), PayloadMode.UNSIGNED, true),
                Arguments.of("chunked PUT seed signature", chunkedPut(), PayloadMode.STREAMING_SIGNED, false),
                Arguments.of("chunked PUT with trailer seed signature", chunkedPutWithTrailer(),
                        PayloadMode.STREAMING_SIGNED_TRAILER, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedRequests")
    void documentedRequestVerifies(String name, FakeRequest request, PayloadMode mode, boolean presigned) {
        AuthResult result = authenticator.authenticate(request);
        assertEquals(ACCESS_KEY, result.credentials().accessKey());
        assertEquals(mode, result.payloadMode());
        assertEquals(presigned, result.presigned());
        assertEquals(4, result.signatureVersion());
        assertEquals("us-east-1", result.region());
        assertEquals(Instant.parse(TIME), result.requestTime());
    }

    @Test
    void canonicalRequestOfGetObjectIsTheDocumentedOne() {
        String expected = """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""";
        String canonical = CanonicalRequest.build(getObject(), "",
                List.of("host", "range", "x-amz-content-sha256", "x-amz-date"), EMPTY_SHA256);
        assertEquals(expected, canonical);
        assertEquals("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                        + "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
                CanonicalRequest.stringToSign(AMZ_DATE, SCOPE, canonical));
    }

    @Test
    void putObjectBodyVerifiesAgainstItsDigest() throws IOException {
        AuthResult result = authenticator.authenticate(putObject("/test$file.text"));
        assertEquals(PUT_BODY_SHA256, result.contentSha256());
        InputStream body = Payloads.wrapBody(result,
                new ByteArrayInputStream(PUT_BODY.getBytes(StandardCharsets.UTF_8)), null);
        assertEquals(PUT_BODY, new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void presignedGetIsValidForItsWholeDayAndNotASecondLonger() {
        clock.set(Instant.parse("2013-05-25T00:00:00Z"));
        assertTrue(authenticator.authenticate(presignedGet()).presigned());
        clock.set(Instant.parse("2013-05-25T00:00:01Z"));
        AuthException e = AuthAssertions.fails(AuthError.EXPIRED_PRESIGNED_REQUEST,
                () -> authenticator.authenticate(presignedGet()));
        assertEquals("Request has expired", e.getMessage());
    }

    @Test
    void signingKeyDerivationMatchesTheAwsExample() {
        // "Derive a signing key for SigV4" example (IAM, 20120215): the key AWS lists for this secret and scope.
        byte[] key = SigningKeys.derive("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
        assertEquals("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", HexFormat.of().formatHex(key));
    }

    @Test
    void independentSignerReproducesTheDocumentedChunkSignatures() {
        TestSigner.Encoded encoded = TestSigner.chunked(chunkedData(), 65536,
                TestSigner.ChunkKey.of(SECRET_KEY, AMZ_DATE, "us-east-1", SEED_SIGNATURE), null);
        assertArrayEquals(chunkedBody(CHUNK_SIGNATURES, null), encoded.body());
        TestSigner.Encoded withTrailer = TestSigner.chunked(chunkedData(), 65536,
                TestSigner.ChunkKey.of(SECRET_KEY, AMZ_DATE, "us-east-1", TRAILER_SEED_SIGNATURE),
                Map.of("x-amz-checksum-crc32c", "sOO8/Q=="));
        assertArrayEquals(chunkedBody(TRAILER_CHUNK_SIGNATURES, trailerSection()), withTrailer.body());
    }

    @ParameterizedTest(name = "read seed {0}")
    @MethodSource("seeds")
    void documentedChunkedBodyDecodesWithRandomReadSizes(long seed) throws IOException {
        Random random = new Random(seed);
        byte[] wire = chunkedBody(CHUNK_SIGNATURES, null);
        assertEquals(66824, wire.length, "the documented Content-Length");
        AuthResult auth = authenticator.authenticate(chunkedPut());
        InputStream body = Payloads.wrapBody(auth, Streams.trickle(wire, random, 9000), 66560L);
        assertArrayEquals(chunkedData(), Streams.readRandomly(body, random, 70000));
        assertEquals(Map.of(), ((ChunkedPayloadStream) body).trailers());
    }

    @ParameterizedTest(name = "read seed {0}")
    @MethodSource("seeds")
    void documentedTrailerBodyDecodesWithRandomReadSizes(long seed) throws IOException {
        Random random = new Random(seed);
        byte[] wire = chunkedBody(TRAILER_CHUNK_SIGNATURES, trailerSection());
        AuthResult auth = authenticator.authenticate(chunkedPutWithTrailer());
        ChunkedPayloadStream body = (ChunkedPayloadStream) Payloads.wrapBody(auth,
                Streams.trickle(wire, random, 9000), 66560L);
        assertArrayEquals(chunkedData(), Streams.readRandomly(body, random, 70000));
        assertEquals(Map.of("x-amz-checksum-crc32c", "sOO8/Q=="), body.trailers());
    }

    @Test
    void documentedBodyFailsWhenTheDataChanges() {
        byte[] wire = chunkedBody(CHUNK_SIGNATURES, null);
        wire[200] = 'b';
        AuthResult auth = authenticator.authenticate(chunkedPut());
        InputStream body = Payloads.wrapBody(auth, new ByteArrayInputStream(wire), 66560L);
        AuthAssertions.fails(AuthError.INVALID_CHUNK_SIGNATURE, body::readAllBytes);
    }

    @Test
    void documentedTrailerFailsWhenTheChecksumChanges() {
        byte[] wire = chunkedBody(TRAILER_CHUNK_SIGNATURES,
                trailerSection().replace("sOO8/Q==", "sOO8/Q=A"));
        AuthResult auth = authenticator.authenticate(chunkedPutWithTrailer());
        InputStream body = Payloads.wrapBody(auth, new ByteArrayInputStream(wire), 66560L);
        AuthAssertions.fails(AuthError.INVALID_CHUNK_SIGNATURE, body::readAllBytes);
    }

    @Test
    void resultsCarryNoSecrets() {
        AuthResult result = authenticator.authenticate(chunkedPut());
        assertFalse(result.toString().contains(SECRET_KEY), result.toString());
        assertNull(result.contentSha256());
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 42L, 1234567L);
    }
}
