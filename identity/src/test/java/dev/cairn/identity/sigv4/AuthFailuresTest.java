package dev.cairn.identity.sigv4;

import static dev.cairn.identity.sigv4.AwsExamples.*;

import dev.cairn.identity.Credentials;
import dev.cairn.identity.StaticCredentialStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per way a request can fail authentication, each starting from a valid request (an AWS documentation
 * example, or one signed by the independent {@link TestSigner}) and changing one thing.
 */
class AuthFailuresTest {

    static final Instant T = Instant.parse(TIME);
    static final Credentials SESSION = new Credentials("ASIASESSION", "session-secret-key", "the-token", "alice", false);

    /** A failing request, the clock offset from 2013-05-24T00:00:00Z it is checked at, and the expected error. */
    record Case(String name, Supplier<FakeRequest> request, Duration clock, AuthError expected) {
        Case(String name, Supplier<FakeRequest> request, AuthError expected) {
            this(name, request, Duration.ZERO, expected);
        }

        @Override
        public String toString() {
            return name + " -> " + expected;
        }
    }

    static StaticCredentialStore store() {
        return StaticCredentialStore.of(Credentials.of("root-key", "root-secret-key", true), List.of(CREDENTIALS, SESSION));
    }

    static TestSigner.Spec spec() {
        return TestSigner.Spec.of("GET", "/bucket/key.txt").header("host", "cairn.test");
    }

    static FakeRequest signed(TestSigner.Spec spec) {
        return TestSigner.signHeader(spec, ACCESS_KEY, SECRET_KEY, T, "us-east-1");
    }

    static FakeRequest withAuthorization(String authorization) {
        return getObject().with("authorization", authorization);
    }

    static Stream<Case> headerCases() {
        String sig = "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
        String signedHeaders = "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date";
        String credential = "Credential=" + ACCESS_KEY + "/" + SCOPE;
        AuthError malformed = AuthError.AUTHORIZATION_HEADER_MALFORMED;
        return Stream.of(
                new Case("wrong secret", () -> TestSigner.signHeader(spec(), ACCESS_KEY, "not-the-secret", T,
                        "us-east-1"), AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("tampered signed header", () -> getObject().with("range", "bytes=0-10"),
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("tampered method", () -> getObject().withMethod("DELETE"), AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("tampered path", () -> getObject().withPath("/test.txt2"), AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("added query parameter", () -> getObject().withQuery("versionId=1"),
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("tampered query value", () -> listObjects("max-keys=3&prefix=J"),
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("tampered signature", () -> getObject().replaceInHeader("authorization", "bdb41", "bdb42"),
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("upper-case signature", () -> getObject().replaceInHeader("authorization", "f0e8bdb8", "F0E8BDB8"),
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("signed header missing from the request", () -> getObject().without("range"),
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("tampered body digest", () -> getObject().with("x-amz-content-sha256", PUT_BODY_SHA256),
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("unknown access key", () -> getObject().replaceInHeader("authorization", ACCESS_KEY, "AKIDUNKNOWN"),
                        AuthError.INVALID_ACCESS_KEY_ID),
                new Case("host not signed", () -> withAuthorization("AWS4-HMAC-SHA256 " + credential
                        + ", SignedHeaders=range;x-amz-content-sha256;x-amz-date, " + sig), malformed),
                new Case("unsigned x-amz header present", () -> getObject().with("x-amz-acl", "public-read"),
                        AuthError.ACCESS_DENIED),
                new Case("clock 16 minutes ahead", AwsExamples::getObject, Duration.ofMinutes(16),
                        AuthError.REQUEST_TIME_TOO_SKEWED),
                new Case("clock 16 minutes behind", AwsExamples::getObject, Duration.ofMinutes(-16),
                        AuthError.REQUEST_TIME_TOO_SKEWED),
                new Case("Date header 16 minutes off", () -> TestSigner.signHeader(spec().header("date",
                        "Fri, 24 May 2013 00:00:00 GMT"), ACCESS_KEY, SECRET_KEY, T, "us-east-1", false),
                        Duration.ofMinutes(16), AuthError.REQUEST_TIME_TOO_SKEWED),
                new Case("scope date is not the x-amz-date day", () -> getObject().replaceInHeader("authorization",
                        "/20130524/", "/20130523/"), malformed),
                new Case("scope service is not s3", () -> getObject().replaceInHeader("authorization", "/s3/", "/sts/"),
                        malformed),
                new Case("scope terminator", () -> getObject().replaceInHeader("authorization", "aws4_request",
                        "aws4_reqest"), malformed),
                new Case("scope date not yyyyMMdd", () -> getObject().replaceInHeader("authorization", "/20130524/",
                        "/2013-5-24/"), malformed),
                new Case("credential with too few parts", () -> withAuthorization("AWS4-HMAC-SHA256 Credential="
                        + ACCESS_KEY + "/20130524/s3/aws4_request, " + signedHeaders + ", " + sig), malformed),
                new Case("no Credential", () -> withAuthorization("AWS4-HMAC-SHA256 " + signedHeaders + ", " + sig),
                        malformed),
                new Case("no SignedHeaders", () -> withAuthorization("AWS4-HMAC-SHA256 " + credential + ", " + sig),
                        malformed),
                new Case("no Signature", () -> withAuthorization("AWS4-HMAC-SHA256 " + credential + ", "
                        + signedHeaders), malformed),
                new Case("empty Signature", () -> withAuthorization("AWS4-HMAC-SHA256 " + credential + ", "
                        + signedHeaders + ", Signature="), malformed),
                new Case("repeated field", () -> withAuthorization("AWS4-HMAC-SHA256 " + credential + ", "
                        + signedHeaders + ", " + sig + ", " + sig), malformed),
                new Case("unknown field", () -> withAuthorization("AWS4-HMAC-SHA256 " + credential + ", "
                        + signedHeaders + ", " + sig + ", Extra=1"), malformed),
                new Case("field without =", () -> withAuthorization("AWS4-HMAC-SHA256 " + credential + ", "
                        + signedHeaders + " " + sig), malformed),
                new Case("empty name in SignedHeaders", () -> withAuthorization("AWS4-HMAC-SHA256 " + credential
                        + ", SignedHeaders=host;;range, " + sig), malformed),
                new Case("upper-case SignedHeaders", () -> withAuthorization("AWS4-HMAC-SHA256 " + credential
                        + ", SignedHeaders=Host;Range, " + sig), malformed),
                new Case("algorithm alone", () -> withAuthorization("AWS4-HMAC-SHA256"), malformed),
                new Case("empty Authorization", () -> withAuthorization(""), malformed),
                new Case("no time at all", () -> getObject().without("x-amz-date"), AuthError.MISSING_SECURITY_HEADER),
                new Case("x-amz-date not ISO 8601 basic", () -> getObject().with("x-amz-date", "2013-05-24T00:00:00Z"),
                        AuthError.MISSING_SECURITY_HEADER),
                new Case("unknown Authorization scheme", () -> withAuthorization("Bearer abc.def"),
                        AuthError.INVALID_ARGUMENT),
                new Case("SigV4a Authorization", () -> withAuthorization("AWS4-ECDSA-P256-SHA256 " + credential),
                        AuthError.INVALID_ARGUMENT),
                new Case("two Authorization headers", () -> getObject().withAdded("authorization", "AWS a:b"),
                        AuthError.INVALID_ARGUMENT),
                new Case("header and presigned signature", () -> getObject().withQuery("X-Amz-Signature=abc"),
                        AuthError.INVALID_ARGUMENT),
                new Case("header and SigV2 query", () -> getObject().withQuery("AWSAccessKeyId=" + ACCESS_KEY),
                        AuthError.INVALID_ARGUMENT),
                new Case("x-amz-content-sha256 neither digest nor keyword", () -> signed(spec().payload("abc")),
                        AuthError.INVALID_ARGUMENT),
                new Case("x-amz-content-sha256 SigV4a streaming", () -> signed(spec().payload(
                        "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD")), AuthError.INVALID_ARGUMENT),
                new Case("session credentials without token", () -> TestSigner.signHeader(spec(), SESSION.accessKey(),
                        SESSION.secretKey(), T, "us-east-1"), AuthError.INVALID_TOKEN),
                new Case("session credentials with another token", () -> TestSigner.signHeader(spec().header(
                        "x-amz-security-token", "other-token"), SESSION.accessKey(), SESSION.secretKey(), T,
                        "us-east-1"), AuthError.INVALID_TOKEN),
                new Case("token with long-term credentials", () -> signed(spec().header("x-amz-security-token",
                        "the-token")), AuthError.INVALID_TOKEN));
    }

    static FakeRequest presigned(String expires) {
        return TestSigner.presign(spec(), ACCESS_KEY, SECRET_KEY, T, "us-east-1", expires, null, null);
    }

    static Stream<Case> presignedCases() {
        AuthError params = AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR;
        return Stream.of(
                new Case("expired one second ago", AwsExamples::presignedGet, Duration.ofSeconds(86401),
                        AuthError.EXPIRED_PRESIGNED_REQUEST),
                new Case("not valid for 16 more minutes", AwsExamples::presignedGet, Duration.ofMinutes(-16),
                        AuthError.EXPIRED_PRESIGNED_REQUEST),
                new Case("zero expiry, a second later", () -> presigned("0"), Duration.ofSeconds(1),
                        AuthError.EXPIRED_PRESIGNED_REQUEST),
                new Case("expiry over 7 days", () -> presigned("604801"), AuthError.EXPIRED_PRESIGNED_REQUEST),
                new Case("negative expiry", () -> presigned("-1"), AuthError.EXPIRED_PRESIGNED_REQUEST),
                new Case("expiry not a number", () -> presigned("1d"), params),
                new Case("tampered expiry", () -> presignedGet().replaceInQuery("Expires=86400", "Expires=86401"),
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("added query parameter", () -> presignedGet().withQuery(PRESIGNED_QUERY
                        + "&response-content-type=text%2Fhtml"), AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("tampered path", () -> presignedGet().withPath("/test.txt2"), AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("tampered host", () -> presignedGet().with("host", "other.s3.amazonaws.com"),
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("tampered signature", () -> presignedGet().replaceInQuery("f604d404", "f604d405"),
                        AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("wrong secret", () -> TestSigner.presign(spec(), ACCESS_KEY, "not-the-secret", T,
                        "us-east-1", 60, null), AuthError.SIGNATURE_DOES_NOT_MATCH),
                new Case("unknown access key", () -> presignedGet().replaceInQuery(ACCESS_KEY, "AKIDUNKNOWN"),
                        AuthError.INVALID_ACCESS_KEY_ID),
                new Case("no X-Amz-Signature", () -> presignedGet().withQuery(
                        PRESIGNED_QUERY.substring(0, PRESIGNED_QUERY.indexOf("&X-Amz-Signature"))), params),
                new Case("no X-Amz-Algorithm", () -> presignedGet().withQuery(
                        PRESIGNED_QUERY.substring(PRESIGNED_QUERY.indexOf('&') + 1)), params),
                new Case("X-Amz-Date twice", () -> presignedGet().withQuery(PRESIGNED_QUERY + "&X-Amz-Date="
                        + AMZ_DATE), params),
                new Case("unsupported algorithm", () -> presignedGet().replaceInQuery("HMAC-SHA256", "HMAC-SHA1"),
                        params),
                new Case("scope date is not X-Amz-Date's day", () -> presignedGet().replaceInQuery("%2F20130524%2F",
                        "%2F20130525%2F"), params),
                new Case("credential with too few parts", () -> presignedGet().replaceInQuery("%2Fus-east-1", ""),
                        params),
                new Case("X-Amz-Date malformed", () -> presignedGet().replaceInQuery("Date=20130524T000000Z",
                        "Date=2013-05-24"), params),
                new Case("host not signed", () -> presignedGet().replaceInQuery("SignedHeaders=host",
                        "SignedHeaders=x-amz-date"), params),
                new Case("unsigned x-amz header present", () -> presignedGet().with("x-amz-acl", "public-read"),
                        AuthError.ACCESS_DENIED),
                new Case("streaming payload on a presigned URL", () -> TestSigner.presign(spec(), ACCESS_KEY,
                        SECRET_KEY, T, "us-east-1", "60", null, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
                        AuthError.INVALID_ARGUMENT),
                new Case("session credentials without token", () -> TestSigner.presign(spec(), SESSION.accessKey(),
                        SESSION.secretKey(), T, "us-east-1", 60, null), AuthError.INVALID_TOKEN),
                new Case("session credentials with another token", () -> TestSigner.presign(spec(),
                        SESSION.accessKey(), SESSION.secretKey(), T, "us-east-1", 60, "other"), AuthError.INVALID_TOKEN),
                new Case("presigned V4 and SigV2 parameters", () -> presignedGet().withQuery(PRESIGNED_QUERY
                        + "&AWSAccessKeyId=x"), AuthError.INVALID_ARGUMENT));
    }

    static Stream<Case> anonymousCases() {
        return Stream.of(
                new Case("anonymous with signed chunks", () -> FakeRequest.of("PUT", "/b/k", null)
                        .with("host", "cairn.test")
                        .with("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"), AuthError.INVALID_ARGUMENT),
                new Case("anonymous with a bad content sha256", () -> FakeRequest.of("PUT", "/b/k", null)
                        .with("host", "cairn.test")
                        .with("x-amz-content-sha256", "not-a-digest"), AuthError.INVALID_ARGUMENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"headerCases", "presignedCases", "anonymousCases"})
    void fails(Case c) {
        MutableClock clock = new MutableClock(T);
        RequestAuthenticator authenticator = new RequestAuthenticator(store(), clock);
        FakeRequest request = c.request().get();
        clock.advance(c.clock());
        AuthAssertions.fails(c.expected(), () -> authenticator.authenticate(request));
    }
}
