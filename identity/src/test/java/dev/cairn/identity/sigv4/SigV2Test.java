package dev.cairn.identity.sigv4;

import static dev.cairn.identity.sigv4.AwsExamples.ACCESS_KEY;
import static dev.cairn.identity.sigv4.AwsExamples.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Signature V2: the examples of AWS's "Signing and Authenticating REST Requests", and its failures. */
class SigV2Test {

    private final MutableClock clock = MutableClock.at("2007-03-27T19:36:42Z");
    private final RequestAuthenticator authenticator = new RequestAuthenticator(AwsExamples.store(), clock);

    static FakeRequest request(String method, String path, String query, String host, String bucket, String date,
            String signature) {
        return FakeRequest.of(method, path, query).withBucket(bucket)
                .with("host", host)
                .with("date", date)
                .with("authorization", "AWS " + ACCESS_KEY + ":" + signature);
    }

    static FakeRequest objectGet() {
        return request("GET", "/photos/puppy.jpg", null, "johnsmith.s3.amazonaws.com", "johnsmith",
                "Tue, 27 Mar 2007 19:36:42 +0000", "bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
    }

    static FakeRequest upload(boolean reviewersOnOneLine) {
        FakeRequest r = request("PUT", "/db-backup.dat.gz", null, "static.johnsmith.net:8080", "static.johnsmith.net",
                "Tue, 27 Mar 2007 21:06:08 +0000", "ilyl83RwaSoYIEdixDQcA4OnAnc=")
                .with("user-agent", "curl/7.15.5")
                .with("x-amz-acl", "public-read")
                .with("content-type", "application/x-download")
                .with("content-md5", "4gJE4saaMU4BqNR0kLY+lw==")
                .with("x-amz-meta-filechecksum", "0x02661779")
                .with("x-amz-meta-checksumalgorithm", "crc32")
                .with("content-disposition", "attachment; filename=database.dat")
                .with("content-encoding", "gzip")
                .with("content-length", "5913339");
        return reviewersOnOneLine
                ? r.with("x-amz-meta-reviewedby", "joe@johnsmith.net,jane@johnsmith.net")
                : r.with("x-amz-meta-reviewedby", "joe@johnsmith.net").withAdded("x-amz-meta-reviewedby",
                        "jane@johnsmith.net");
    }

    static Stream<Arguments> documentedRequests() {
        return Stream.of(
                Arguments.of("Object GET", objectGet()),
                Arguments.of("Object PUT", request("PUT", "/photos/puppy.jpg", null, "johnsmith.s3.amazonaws.com",
                        "johnsmith", "Tue, 27 Mar 2007 21:15:45 +0000", "MyyxeRY7whkBe+bq8fHCL/2kKUg=")
                        .with("content-type", "image/jpeg").with("content-length", "94328")),
                Arguments.of("List (query parameters are not signed)", request("GET", "/",
                        "prefix=photos&max-keys=50&marker=puppy", "johnsmith.s3.amazonaws.com", "johnsmith",
                        "Tue, 27 Mar 2007 19:42:41 +0000", "htDYFYduRNen8P9ZfE/s9SuKy0U=")
                        .with("user-agent", "Mozilla/5.0")),
                Arguments.of("Fetch ACL (a sub-resource)", request("GET", "/", "acl", "johnsmith.s3.amazonaws.com",
                        "johnsmith", "Tue, 27 Mar 2007 19:44:46 +0000", "c2WLPFtWHVgbEmeEG93a4cG37dM=")),
                Arguments.of("Upload to a CNAME bucket with metadata", upload(true)),
                Arguments.of("Upload, one metadata header sent twice", upload(false)),
                Arguments.of("List all my buckets", request("GET", "/", null, "s3.amazonaws.com", null,
                        "Wed, 28 Mar 2007 01:29:59 +0000", "qGdzdERIC03wnaRNKh6OqZehG9s=")),
                Arguments.of("Unicode keys (path as sent)", request("GET",
                        "/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re", null, "s3.amazonaws.com", null,
                        "Wed, 28 Mar 2007 01:49:49 +0000", "DNEZGsoieTZ92F3bUfSPQcbGmlM=")),
                Arguments.of("Object GET, current documentation (awsexamplebucket1)", request("GET",
                        "/photos/puppy.jpg", null, "awsexamplebucket1.us-west-1.s3.amazonaws.com", "awsexamplebucket1",
                        "Tue, 27 Mar 2007 19:36:42 +0000", "qgk2+6Sv9/oM7G3qLEjTH1a1l1g=")),
                Arguments.of("Object PUT, current documentation", request("PUT", "/photos/puppy.jpg", null,
                        "awsexamplebucket1.us-west-1.s3.amazonaws.com", "awsexamplebucket1",
                        "Tue, 27 Mar 2007 21:15:45 +0000", "iqRzw+ileNPu1fhspnRs8nOjjIA=")
                        .with("content-type", "image/jpeg").with("content-length", "94328")),
                Arguments.of("List, current documentation", request("GET", "/", "prefix=photos&max-keys=50&marker=puppy",
                        "awsexamplebucket1.us-west-1.s3.amazonaws.com", "awsexamplebucket1",
                        "Tue, 27 Mar 2007 19:42:41 +0000", "m0WP8eCtspQl5Ahe6L1SozdX9YA=")
                        .with("user-agent", "Mozilla/5.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedRequests")
    void documentedRequestVerifies(String name, FakeRequest request) {
        clock.set(DateTimeFormatter.RFC_1123_DATE_TIME.parse(request.header("date"), Instant::from));
        AuthResult result = authenticator.authenticate(request);
        assertEquals(ACCESS_KEY, result.credentials().accessKey());
        assertEquals(2, result.signatureVersion());
        assertEquals(PayloadMode.NONE, result.payloadMode());
        assertNull(result.region());
    }

    static final String QUERY =
            "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620";

    static FakeRequest queryGet() {
        return FakeRequest.of("GET", "/photos/puppy.jpg", QUERY).withBucket("johnsmith")
                .with("host", "johnsmith.s3.amazonaws.com");
    }

    @Test
    void documentedQueryStringRequestVerifiesUntilItExpires() {
        clock.set(Instant.ofEpochSecond(1175139620));
        AuthResult result = authenticator.authenticate(queryGet());
        assertTrue(result.presigned());
        assertEquals(2, result.signatureVersion());
        clock.advance(Duration.ofSeconds(1));
        AuthAssertions.fails(AuthError.EXPIRED_PRESIGNED_REQUEST, () -> authenticator.authenticate(queryGet()));
    }

    @Test
    void queryStringSignatureWithAnUnescapedPlusStillVerifies() {
        clock.set(Instant.ofEpochSecond(1175139000));
        authenticator.authenticate(queryGet().withQuery(QUERY.replace("%2B", "+")));
    }

    @Test
    void xAmzDateReplacesTheDateLineAndIsSignedAsAnAmzHeader() throws Exception {
        String date = "Tue, 27 Mar 2007 21:20:26 +0000";
        String stringToSign = "DELETE\n\n\n\nx-amz-date:" + date + "\n/johnsmith/photos/puppy.jpg";
        FakeRequest req = FakeRequest.of("DELETE", "/johnsmith/photos/puppy.jpg", null)
                .with("host", "s3.amazonaws.com")
                .with("date", "Tue, 27 Mar 2007 21:20:27 +0000")
                .with("x-amz-date", date)
                .with("authorization", "AWS " + ACCESS_KEY + ":" + hmacSha1(stringToSign));
        clock.set(ZonedDateTime.parse("2007-03-27T21:20:26Z").toInstant());
        assertEquals(stringToSign, SigV2Verifier.stringToSign(req, "", QueryParameters.parse(null)));
        assertEquals(Instant.parse("2007-03-27T21:20:26Z"), authenticator.authenticate(req).requestTime());
    }

    @Test
    void subResourcesAreSortedWithDecodedValues() {
        FakeRequest req = FakeRequest.of("GET", "/b/k", "versionId=v%2B1&response-content-type=text%2Fplain&x=1&acl")
                .with("date", "d");
        assertEquals("GET\n\n\nd\n/b/k?acl&response-content-type=text/plain&versionId=v+1",
                SigV2Verifier.stringToSign(req, "d", QueryParameters.parse(req.rawQuery())));
    }

    /** botocore signs a path-style bucket request ({@code PUT /bucket}) over {@code /bucket/}: both verify. */
    @Test
    void aPathStyleBucketRequestMayBeSignedWithATrailingSlash() throws Exception {
        String date = "Tue, 27 Mar 2007 21:20:26 +0000";
        clock.set(ZonedDateTime.parse("2007-03-27T21:20:26Z").toInstant());
        for (String resource : new String[] {"/bkt", "/bkt/"}) {
            FakeRequest req = FakeRequest.of("PUT", "/bkt", null).with("host", "s3.amazonaws.com").with("date", date)
                    .with("authorization", "AWS " + ACCESS_KEY + ":" + hmacSha1("PUT\n\n\n" + date + "\n" + resource));
            assertEquals(ACCESS_KEY, authenticator.authenticate(req).credentials().accessKey(), resource);
        }
        // an object's path is its own: no slash is added to it
        FakeRequest object = FakeRequest.of("PUT", "/bkt/key", null).with("host", "s3.amazonaws.com")
                .with("date", date).with("authorization", "AWS " + ACCESS_KEY + ":"
                        + hmacSha1("PUT\n\n\n" + date + "\n/bkt/key/"));
        AuthAssertions.fails(AuthError.SIGNATURE_DOES_NOT_MATCH, () -> authenticator.authenticate(object));
    }

    static String hmacSha1(String stringToSign) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    record Failure(String name, UnaryOperator<FakeRequest> change, Duration clock, AuthError expected) {
        @Override
        public String toString() {
            return name + " -> " + expected;
        }
    }

    static Stream<Failure> headerFailures() {
        return Stream.of(
                new Failure("tampered signature", r -> r.replaceInHeader("authorization", "IXMU=", "IXMV="),
                        Duration.ZERO, AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Failure("tampered Date", r -> r.with("date", "Tue, 27 Mar 2007 19:36:43 +0000"), Duration.ZERO,
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Failure("tampered path", r -> r.withPath("/photos/kitten.jpg"), Duration.ZERO,
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Failure("another bucket", r -> r.withBucket("janedoe"), Duration.ZERO,
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Failure("sub-resource added", r -> r.withQuery("acl"), Duration.ZERO,
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Failure("x-amz header added", r -> r.with("x-amz-acl", "public-read"), Duration.ZERO,
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Failure("unknown access key", r -> r.with("authorization", "AWS AKIDUNKNOWN:bWq2s1WEIj+Ydj0vQ697zp+IXMU="),
                        Duration.ZERO, AuthError.INVALID_ACCESS_KEY_ID),
                new Failure("no colon", r -> r.with("authorization", "AWS " + ACCESS_KEY), Duration.ZERO,
                        AuthError.AUTHORIZATION_HEADER_MALFORMED),
                new Failure("no signature", r -> r.with("authorization", "AWS " + ACCESS_KEY + ":"), Duration.ZERO,
                        AuthError.AUTHORIZATION_HEADER_MALFORMED),
                new Failure("no Date", r -> r.without("date"), Duration.ZERO, AuthError.MISSING_SECURITY_HEADER),
                new Failure("Date not an HTTP date", r -> r.with("date", "yesterday"), Duration.ZERO,
                        AuthError.MISSING_SECURITY_HEADER),
                new Failure("x-amz-date before 1970", r -> r.with("x-amz-date", "Tue, 07 Jul 1950 21:53:04 GMT"),
                        Duration.ZERO, AuthError.MISSING_SECURITY_HEADER),
                new Failure("x-amz-date years ago, wrong weekday", r -> r.with("x-amz-date",
                        "Tue, 07 Jul 2005 21:53:04 GMT"), Duration.ZERO, AuthError.REQUEST_TIME_TOO_SKEWED),
                new Failure("clock 16 minutes ahead", r -> r, Duration.ofMinutes(16), AuthError.REQUEST_TIME_TOO_SKEWED),
                new Failure("clock 16 minutes behind", r -> r, Duration.ofMinutes(-16), AuthError.REQUEST_TIME_TOO_SKEWED),
                new Failure("a security token with long-term credentials", r -> r.with("x-amz-security-token", "t"),
                        Duration.ZERO, AuthError.SIGNATURE_DOES_NOT_MATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerFailures")
    void headerFailure(Failure f) {
        clock.advance(f.clock());
        AuthAssertions.fails(f.expected(), () -> authenticator.authenticate(f.change().apply(objectGet())));
    }

    static Stream<Failure> queryFailures() {
        AuthError params = AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR;
        return Stream.of(
                new Failure("tampered expiry", r -> r.replaceInQuery("Expires=1175139620", "Expires=1175139621"),
                        Duration.ZERO, AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Failure("tampered path", r -> r.withPath("/photos/kitten.jpg"), Duration.ZERO,
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Failure("no Expires", r -> r.replaceInQuery("&Expires=1175139620", ""), Duration.ZERO, params),
                new Failure("no Signature", r -> r.replaceInQuery("&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D", ""),
                        Duration.ZERO, params),
                new Failure("Expires not a number", r -> r.replaceInQuery("Expires=1175139620", "Expires=soon"),
                        Duration.ZERO, params),
                new Failure("expired", r -> r, Duration.ofSeconds(621), AuthError.EXPIRED_PRESIGNED_REQUEST),
                new Failure("unknown access key", r -> r.replaceInQuery(ACCESS_KEY, "AKIDUNKNOWN"), Duration.ZERO,
                        AuthError.INVALID_ACCESS_KEY_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryFailures")
    void queryFailure(Failure f) {
        clock.set(Instant.ofEpochSecond(1175139000).plus(f.clock()));
        AuthAssertions.fails(f.expected(), () -> authenticator.authenticate(f.change().apply(queryGet())));
    }
}
