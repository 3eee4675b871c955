package dev.cairn.identity.sigv4;

import static dev.cairn.identity.sigv4.AwsExamples.ACCESS_KEY;
import static dev.cairn.identity.sigv4.AwsExamples.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Requests and bodies signed by the AWS SDK for Java v2's own SigV4 signer, configured the way its S3 client
 * configures it (no double encoding, no path normalization), in every payload mode it produces.
 */
class AwsSdkInteropTest {

    static final Instant T = Instant.parse("2024-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T);
    private final RequestAuthenticator authenticator = new RequestAuthenticator(AwsExamples.store(), clock);

    /** What the SDK's S3 client would send over HTTPS (only there does it leave payloads unsigned). */
    static SdkHttpRequest request(SdkHttpMethod method, String key, Map<String, String> params, int contentLength) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().protocol("https").host("cairn.test").port(9000)
                .method(method).encodedPath("/bucket/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key));
        params.forEach(b::putRawQueryParameter);
        if (contentLength >= 0) {
            b.putHeader("Content-Length", Integer.toString(contentLength));
        }
        return b.putHeader("amz-sdk-invocation-id", "5e3c2a8d-1f0b-4bde-9c57-0a1e1b6b2f11").build();
    }

    static software.amazon.awssdk.http.auth.spi.signer.SignedRequest sign(SdkHttpRequest request, byte[] body,
            boolean chunked, boolean payloadSigning, boolean checksum, Duration presign) {
        return AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY))
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, chunked)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(T, ZoneOffset.UTC));
            if (body != null) {
                r.payload(ContentStreamProvider.fromByteArray(body));
            }
            if (checksum) {
                r.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32);
            }
            if (presign != null) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, presign);
            }
        });
    }

    /** The signed SDK request as the HTTP layer would hand it to us. */
    static FakeRequest received(SdkHttpRequest signed) {
        FakeRequest req = FakeRequest.of(signed.method().name(), signed.encodedPath(),
                signed.encodedQueryParameters().orElse(null));
        for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
            for (String value : h.getValue()) {
                req = req.withAdded(h.getKey(), value);
            }
        }
        return req.header("host") == null ? req.with("host", "cairn.test:9000") : req;
    }

    static Stream<Arguments> uploads() {
        return Stream.of(
                Arguments.of("signed payload", false, true, false, PayloadMode.SIGNED),
                Arguments.of("unsigned payload", false, false, false, PayloadMode.UNSIGNED),
                Arguments.of("signed chunks", true, true, false, PayloadMode.STREAMING_SIGNED),
                Arguments.of("signed chunks and CRC32 trailer", true, true, true, PayloadMode.STREAMING_SIGNED_TRAILER),
                Arguments.of("unsigned chunks and CRC32 trailer", true, false, true,
                        PayloadMode.STREAMING_UNSIGNED_TRAILER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void sdkUploadVerifiesAndDecodes(String name, boolean chunked, boolean payloadSigning, boolean checksum,
            PayloadMode mode) throws IOException {
        Random random = new Random(name.hashCode());
        byte[] data = Streams.randomBytes(random, 300_000);
        var signed = sign(request(SdkHttpMethod.PUT, "uploads/2024 06/r\u00e9sum\u00e9+final (1).pdf",
                Map.of("x-id", "PutObject"), data.length), data, chunked, payloadSigning, checksum, null);
        FakeRequest req = received(signed.request());
        AuthResult auth = authenticator.authenticate(req);
        assertEquals(mode, auth.payloadMode());
        String decoded = req.header("x-amz-decoded-content-length");
        byte[] wire = signed.payload().orElseThrow().newStream().readAllBytes();
        InputStream body = Payloads.wrapBody(auth, Streams.trickle(wire, random, 20_000),
                decoded == null ? null : Long.parseLong(decoded));
        assertArrayEquals(data, Streams.readRandomly(body, random, 70_000));
        if (mode.trailer()) {
            assertEquals(Map.of("x-amz-checksum-crc32", crc32Base64(data)), ((ChunkedPayloadStream) body).trailers());
        }
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("GET of a key with spaces and unicode", SdkHttpMethod.GET, "a b/ü/😀.txt", Map.of()),
                Arguments.of("GET with reserved characters", SdkHttpMethod.GET, "!$&'()*+,;=:@[]~.txt", Map.of()),
                Arguments.of("list with prefix and delimiter", SdkHttpMethod.GET, "",
                        Map.of("list-type", "2", "prefix", "photos/2024 summer/", "delimiter", "/")),
                Arguments.of("sub-resource", SdkHttpMethod.GET, "", Map.of("versioning", "")),
                Arguments.of("DELETE with versionId", SdkHttpMethod.DELETE, "k", Map.of("versionId", "3/L4kq+tJl=")),
                Arguments.of("HEAD", SdkHttpMethod.HEAD, "dir/", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void sdkRequestVerifies(String name, SdkHttpMethod method, String key, Map<String, String> params) {
        var signed = sign(request(method, key, params, -1), null, false, true, false, null);
        AuthResult auth = authenticator.authenticate(received(signed.request()));
        assertEquals("eu-west-1", auth.region());
        assertEquals(ACCESS_KEY, auth.credentials().accessKey());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void sdkPresignedUrlVerifiesUntilItExpires(String name, SdkHttpMethod method, String key,
            Map<String, String> params) {
        var signed = sign(request(method, key, params, -1), null, false, false, false, Duration.ofMinutes(10));
        FakeRequest req = received(signed.request());
        assertTrue(req.rawQuery().contains("X-Amz-Signature="), req.rawQuery());
        assertTrue(authenticator.authenticate(req).presigned());
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        AuthAssertions.fails(AuthError.EXPIRED_PRESIGNED_REQUEST, () -> authenticator.authenticate(req));
    }

    static String crc32Base64(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
