package dev.cairn.identity.sigv4;

import static dev.cairn.identity.sigv4.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.identity.Credentials;
import dev.cairn.identity.StaticCredentialStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms and encodings clients really send, each signed by the independent {@link TestSigner} and accepted. */
class AuthFormsTest {

    static final Instant T = Instant.parse(TIME);
    static final Credentials SESSION = new Credentials("ASIASESSION", "session-secret-key", "the-token", "alice", false);

    private final MutableClock clock = new MutableClock(T);
    private final RequestAuthenticator authenticator = new RequestAuthenticator(
            StaticCredentialStore.of(Credentials.of("root-key", "root-secret-key", true), List.of(CREDENTIALS, SESSION)),
            clock);

    static FakeRequest sign(TestSigner.Spec spec) {
        return TestSigner.signHeader(spec, ACCESS_KEY, SECRET_KEY, T, "us-east-1");
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("plain", "photos/2024/cat.jpg"),
                Arguments.of("spaces", "my documents/a b.txt"),
                Arguments.of("plus and equals", "a+b=c.txt"),
                Arguments.of("percent", "100%/done%20.txt"),
                Arguments.of("reserved characters", "!$&'()*,;:@[]?#.txt"),
                Arguments.of("unicode", "français/préfère/日本語/😀.txt"),
                Arguments.of("tilde and unreserved", "~user/a-b_c.d"),
                Arguments.of("double slash and dots", "a//b/../c/./d"),
                Arguments.of("trailing slash", "folder/"));
    }

    @ParameterizedTest(name = "key with {0}")
    @MethodSource("keys")
    void objectKeysAsSdksEncodeThem(String name, String key) {
        FakeRequest req = sign(TestSigner.Spec.of("PUT", "/bucket/" + key));
        assertEquals(ACCESS_KEY, authenticator.authenticate(req).credentials().accessKey());
    }

    @Test
    void lowerCaseEscapesInThePathAreCanonicalizedToUpperCase() {
        FakeRequest req = sign(TestSigner.Spec.of("GET", "/bucket/préfère"));
        assertEquals("/bucket/pr%C3%A9f%C3%A8re", req.rawPath());
        authenticator.authenticate(req.withPath("/bucket/pr%c3%a9f%c3%a8re"));
    }

    @Test
    void anEscapedSlashInAKeyStaysEscaped() {
        FakeRequest req = sign(TestSigner.Spec.of("GET", "/bucket/a%2Fb"));
        assertEquals("/bucket/a%252Fb", req.rawPath(), "the signer encodes '%' of the literal key");
        authenticator.authenticate(req);
        // A client that escaped '/' itself signs %2F; '/' and %2F must not be confused.
        String canonical = UriEncoding.canonicalPath("/bucket/a%2fb");
        assertEquals("/bucket/a%2Fb", canonical);
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("sub-resource without value", List.of(new TestSigner.Param("uploads", ""))),
                Arguments.of("prefix with space and slash", List.of(new TestSigner.Param("prefix", "my docs/"),
                        new TestSigner.Param("delimiter", "/"))),
                Arguments.of("unicode and reserved", List.of(new TestSigner.Param("prefix", "é&=+?#~"))),
                Arguments.of("same name twice", List.of(new TestSigner.Param("a", "2"), new TestSigner.Param("a", "1"))),
                Arguments.of("names that sort by encoding", List.of(new TestSigner.Param("b", "1"),
                        new TestSigner.Param("a-b", "1"), new TestSigner.Param("A", "1"), new TestSigner.Param("a_b", "1"))),
                Arguments.of("response overrides", List.of(new TestSigner.Param("response-content-disposition",
                        "attachment; filename=\"r\u00e9sum\u00e9.pdf\""))));
    }

    @ParameterizedTest(name = "query: {0}")
    @MethodSource("queries")
    void queryParametersAsSdksEncodeThem(String name, List<TestSigner.Param> params) {
        TestSigner.Spec spec = TestSigner.Spec.of("GET", "/bucket");
        for (TestSigner.Param p : params) {
            spec = spec.param(p.name(), p.value());
        }
        authenticator.authenticate(sign(spec));
    }

    @Test
    void aSpaceSentAsPlusInTheQueryIsASpace() {
        FakeRequest req = sign(TestSigner.Spec.of("GET", "/bucket").param("prefix", "a b"));
        assertEquals("prefix=a%20b", req.rawQuery());
        authenticator.authenticate(req.withQuery("prefix=a+b"));
    }

    @Test
    void aValuelessParameterSignsAsEmptyValue() {
        FakeRequest req = sign(TestSigner.Spec.of("GET", "/bucket").param("uploads", ""));
        assertEquals("uploads=", req.rawQuery());
        authenticator.authenticate(req.withQuery("uploads"));
    }

    @Test
    void headerValuesAreTrimmedAndJoined() {
        FakeRequest req = sign(TestSigner.Spec.of("PUT", "/bucket/key").header("x-amz-meta-note", "a b c")
                .header("x-amz-meta-list", "one,two"));
        authenticator.authenticate(req.with("x-amz-meta-note", "  a   b\t c  ")
                .with("x-amz-meta-list", "one").withAdded("x-amz-meta-list", "two"));
    }

    @Test
    void anExpectHeaderTheServerConsumedStillVerifies() {
        FakeRequest req = sign(TestSigner.Spec.of("PUT", "/bucket/key").header("expect", "100-continue"));
        authenticator.authenticate(req.without("expect"));
    }

    @ParameterizedTest(name = "region {0}")
    @ValueSource(strings = {"us-east-1", "eu-central-1", "cairn", "auto"})
    void anyRegionIsAccepted(String region) {
        FakeRequest req = TestSigner.signHeader(TestSigner.Spec.of("GET", "/bucket"), ACCESS_KEY, SECRET_KEY, T, region);
        assertEquals(region, authenticator.authenticate(req).region());
    }

    @ParameterizedTest(name = "skew {0} s")
    @ValueSource(ints = {-900, -899, 0, 899, 900})
    void skewOfUpTo15MinutesIsAccepted(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        authenticator.authenticate(getObject());
    }

    @Test
    void dateHeaderStandsInForXAmzDate() {
        FakeRequest req = TestSigner.signHeader(TestSigner.Spec.of("GET", "/bucket/key")
                .header("date", "Fri, 24 May 2013 00:00:00 GMT"), ACCESS_KEY, SECRET_KEY, T, "us-east-1", false);
        assertNull(req.header("x-amz-date"));
        assertEquals(T, authenticator.authenticate(req).requestTime());
    }

    @Test
    void presignedUrlIsValidFromFifteenMinutesBeforeItsDate() {
        clock.advance(Duration.ofMinutes(-15));
        assertTrue(authenticator.authenticate(presignedGet()).presigned());
    }

    @Test
    void presignedUrlOfSevenDaysLastsSevenDays() {
        FakeRequest req = TestSigner.presign(TestSigner.Spec.of("GET", "/bucket/key"), ACCESS_KEY, SECRET_KEY, T,
                "us-east-1", 604800, null);
        clock.advance(Duration.ofDays(7));
        assertEquals(PayloadMode.UNSIGNED, authenticator.authenticate(req).payloadMode());
    }

    @Test
    void presignedUrlMaySignAPayloadDigest() {
        FakeRequest req = TestSigner.presign(TestSigner.Spec.of("PUT", "/bucket/key"), ACCESS_KEY, SECRET_KEY, T,
                "us-east-1", "60", null, PUT_BODY_SHA256);
        AuthResult result = authenticator.authenticate(req);
        assertEquals(PayloadMode.SIGNED, result.payloadMode());
        assertEquals(PUT_BODY_SHA256, result.contentSha256());
    }

    @Test
    void sessionCredentialsWithTheirToken() {
        FakeRequest header = TestSigner.signHeader(TestSigner.Spec.of("GET", "/bucket")
                .header("x-amz-security-token", "the-token"), SESSION.accessKey(), SESSION.secretKey(), T, "us-east-1");
        assertEquals("alice", authenticator.authenticate(header).credentials().owner());
        FakeRequest presigned = TestSigner.presign(TestSigner.Spec.of("GET", "/bucket"), SESSION.accessKey(),
                SESSION.secretKey(), T, "us-east-1", 60, "the-token");
        assertEquals("alice", authenticator.authenticate(presigned).credentials().owner());
    }

    @Test
    void missingContentSha256MeansAnEmptyBody() throws IOException {
        FakeRequest req = sign(TestSigner.Spec.of("DELETE", "/bucket/key").payload(null));
        AuthResult result = authenticator.authenticate(req);
        assertEquals(PayloadMode.SIGNED, result.payloadMode());
        assertEquals(Crypto.EMPTY_SHA256, result.contentSha256());
        assertEquals(0, Payloads.wrapBody(result, new ByteArrayInputStream(new byte[0]), null).readAllBytes().length);
        var body = Payloads.wrapBody(result, new ByteArrayInputStream(new byte[] {1}), null);
        AuthAssertions.fails(AuthError.X_AMZ_CONTENT_SHA256_MISMATCH, body::readAllBytes);
    }

    @Test
    void unsignedPayloadIsPassedThrough() throws IOException {
        AuthResult result = authenticator.authenticate(sign(TestSigner.Spec.of("PUT", "/bucket/key")
                .payload("UNSIGNED-PAYLOAD")));
        assertEquals(PayloadMode.UNSIGNED, result.payloadMode());
        byte[] body = {1, 2, 3};
        assertArrayEquals(body, Payloads.wrapBody(result, new ByteArrayInputStream(body), null).readAllBytes());
    }

    @Test
    void anonymousRequests() {
        AuthResult plain = authenticator.authenticate(FakeRequest.of("GET", "/bucket/key", "versionId=3")
                .with("host", "cairn.test"));
        assertTrue(plain.anonymous());
        assertEquals(PayloadMode.NONE, plain.payloadMode());
        assertEquals(0, plain.signatureVersion());
        assertEquals(T, plain.requestTime());
        AuthResult chunked = authenticator.authenticate(FakeRequest.of("PUT", "/bucket/key", null)
                .with("host", "cairn.test")
                .with("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
                .with("x-amz-trailer", "x-amz-checksum-CRC32"));
        assertEquals(PayloadMode.STREAMING_UNSIGNED_TRAILER, chunked.payloadMode());
        assertEquals(Set.of("x-amz-checksum-crc32"), chunked.trailerNames());
        AuthResult digest = authenticator.authenticate(FakeRequest.of("PUT", "/bucket/key", null)
                .with("host", "cairn.test")
                .with("x-amz-content-sha256", PUT_BODY_SHA256));
        assertEquals(PayloadMode.SIGNED, digest.payloadMode());
    }

    @Test
    void signingKeysAreDerivedOncePerDayRegionAndSecret() {
        SigningKeys keys = new SigningKeys();
        byte[] first = keys.signingKey(SECRET_KEY, "20130524", "us-east-1", "s3");
        assertTrue(first == keys.signingKey(SECRET_KEY, "20130524", "us-east-1", "s3"), "cached");
        keys.signingKey(SECRET_KEY, "20130525", "us-east-1", "s3");
        keys.signingKey(SECRET_KEY, "20130524", "eu-west-1", "s3");
        keys.signingKey("another-secret", "20130524", "us-east-1", "s3");
        assertEquals(4, keys.size());
        assertArrayEquals(TestSigner.signingKey(SECRET_KEY, "20130524", "us-east-1", "s3"), first);
    }

    @Test
    void signingKeyCacheIsBounded() {
        SigningKeys keys = new SigningKeys();
        for (int i = 0; i < SigningKeys.MAX_ENTRIES + 10; i++) {
            keys.signingKey("secret-" + i, "20130524", "us-east-1", "s3");
        }
        assertTrue(keys.size() <= SigningKeys.MAX_ENTRIES, "size " + keys.size());
    }
}
