package dev.cairn.identity.sigv4;

import dev.cairn.identity.CredentialStore;
import dev.cairn.identity.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;

/** Verifies Signature Version 4: the {@code Authorization} header form and the presigned-URL (query) form. */
final class SigV4Verifier {

    /** The longest a presigned URL may live: seven days, in seconds. */
    static final long MAX_EXPIRES_SECONDS = 604_800;

    static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
    static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
    static final String X_AMZ_DATE = "X-Amz-Date";
    static final String X_AMZ_EXPIRES = "X-Amz-Expires";
    static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String X_AMZ_SIGNATURE = "X-Amz-Signature";
    static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";
    static final String X_AMZ_CONTENT_SHA256 = "X-Amz-Content-Sha256";

    private static final List<String> PRESIGN_REQUIRED = List.of(X_AMZ_ALGORITHM, X_AMZ_CREDENTIAL, X_AMZ_DATE,
            X_AMZ_EXPIRES, X_AMZ_SIGNED_HEADERS, X_AMZ_SIGNATURE);

    private final CredentialStore store;
    private final InstantSource clock;
    private final SigningKeys keys;

    SigV4Verifier(CredentialStore store, InstantSource clock, SigningKeys keys) {
        this.store = store;
        this.clock = clock;
        this.keys = keys;
    }

    /** The time of a header-signed request and its ISO 8601 basic form for the string to sign. */
    private record RequestTime(Instant instant, String timestamp) {}

    AuthResult verifyHeader(SignedRequest req, String authorization, QueryParameters query) {
        AuthorizationV4 auth = AuthorizationV4.parse(authorization);
        CredentialScope scope = auth.scope();
        Credentials credentials = Checks.lookup(store, scope.accessKey());
        RequestTime time = headerTime(req);
        Checks.checkSkew(time.instant(), clock.instant());
        if (!time.timestamp().startsWith(scope.date())) {
            throw new AuthException(AuthError.AUTHORIZATION_HEADER_MALFORMED, "invalid credential date "
                    + scope.date() + ": it is not the day of the request time " + time.timestamp());
        }
        Checks.checkAmzHeadersSigned(req, auth.signedHeaders());
        // Without the header S3 clients send nothing to sign the body with: MinIO's reading, an empty body.
        String payloadHeader = req.header("x-amz-content-sha256");
        String hashedPayload = payloadHeader != null ? payloadHeader : Crypto.EMPTY_SHA256;
        String canonical = CanonicalRequest.build(req, query.canonical(null), auth.signedHeaders(), hashedPayload);
        byte[] signingKey = keys.signingKey(credentials.secretKey(), scope.date(), scope.region(), scope.service());
        String expected = sign(signingKey, time.timestamp(), scope, canonical);
        if (!Crypto.constantTimeEquals(expected, auth.signature())) {
            throw new AuthException(AuthError.SIGNATURE_DOES_NOT_MATCH,
                    "the request signature we calculated does not match the signature you provided");
        }
        Checks.checkToken(credentials, req.header("x-amz-security-token"));
        PayloadClaim claim = PayloadClaim.parse(hashedPayload);
        ChunkSigningContext chunks = claim.mode().signedChunks()
                ? new ChunkSigningContext(signingKey, time.timestamp(), scope.scope(), expected)
                : null;
        Set<String> trailers = PayloadClaim.trailerNames(req.headers("x-amz-trailer"));
        return new AuthResult(credentials, claim.mode(), claim.sha256(), time.instant(), scope.region(), chunks,
                trailers, false, 4);
    }

    AuthResult verifyPresigned(SignedRequest req, QueryParameters query) {
        AuthError error = AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR;
        for (String name : PRESIGN_REQUIRED) {
            int count = query.count(name);
            if (count != 1) {
                throw new AuthException(error, count == 0
                        ? "query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, "
                                + "X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters"
                        : name + " appears " + count + " times");
            }
        }
        if (!AuthorizationV4.ALGORITHM.equals(query.first(X_AMZ_ALGORITHM))) {
            throw new AuthException(error, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }
        CredentialScope scope = CredentialScope.parse(query.first(X_AMZ_CREDENTIAL), error);
        String timestamp = query.first(X_AMZ_DATE);
        Instant date = AmzDates.parseIsoBasic(timestamp);
        if (date == null) {
            throw new AuthException(error, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        if (!timestamp.startsWith(scope.date())) {
            throw new AuthException(error, "invalid credential date " + scope.date()
                    + ": it is not the day of X-Amz-Date " + timestamp);
        }
        long expires = parseExpires(query.first(X_AMZ_EXPIRES));
        List<String> signedHeaders = AuthorizationV4.parseSignedHeaders(query.first(X_AMZ_SIGNED_HEADERS), error);
        Credentials credentials = Checks.lookup(store, scope.accessKey());
        checkValidity(date, expires, clock.instant());
        Checks.checkAmzHeadersSigned(req, signedHeaders);
        String claimed = query.first(X_AMZ_CONTENT_SHA256);
        String hashedPayload = claimed != null ? claimed : PayloadClaim.UNSIGNED_PAYLOAD;
        String canonical = CanonicalRequest.build(req, query.canonical(X_AMZ_SIGNATURE), signedHeaders, hashedPayload);
        byte[] signingKey = keys.signingKey(credentials.secretKey(), scope.date(), scope.region(), scope.service());
        String expected = sign(signingKey, timestamp, scope, canonical);
        if (!Crypto.constantTimeEquals(expected, query.first(X_AMZ_SIGNATURE))) {
            throw new AuthException(AuthError.SIGNATURE_DOES_NOT_MATCH,
                    "the request signature we calculated does not match the signature you provided");
        }
        String token = query.first(X_AMZ_SECURITY_TOKEN);
        Checks.checkToken(credentials, token != null ? token : req.header("x-amz-security-token"));
        PayloadClaim claim = PayloadClaim.parse(hashedPayload);
        if (claim.mode().streaming()) {
            throw new AuthException(AuthError.INVALID_ARGUMENT, "a presigned URL cannot carry a streaming payload");
        }
        return new AuthResult(credentials, claim.mode(), claim.sha256(), date, scope.region(), null, Set.of(),
                true, 4);
    }

    private static long parseExpires(String value) {
        AuthError error = AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR;
        long expires;
        try {
            expires = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AuthException(error, "X-Amz-Expires should be a number");
        }
        // an expiry no URL can have: valid at no time, which S3 answers as it answers an expired URL (403)
        if (expires < 0) {
            throw new AuthException(AuthError.EXPIRED_PRESIGNED_REQUEST, "X-Amz-Expires must be non-negative");
        }
        if (expires > MAX_EXPIRES_SECONDS) {
            throw new AuthException(AuthError.EXPIRED_PRESIGNED_REQUEST, "X-Amz-Expires must be less than a week (in "
                    + "seconds); that is, the given X-Amz-Expires must be less than 604800 seconds");
        }
        return expires;
    }

    /**
     * A presigned URL is valid from its {@code X-Amz-Date} (less the allowed clock skew, for a client whose clock
     * runs ahead) up to and including {@code X-Amz-Date + X-Amz-Expires}.
     */
    private static void checkValidity(Instant date, long expires, Instant now) {
        if (date.isAfter(now.plus(Checks.MAX_SKEW))) {
            throw new AuthException(AuthError.EXPIRED_PRESIGNED_REQUEST, "Request is not valid yet");
        }
        if (now.isAfter(date.plus(Duration.ofSeconds(expires)))) {
            throw new AuthException(AuthError.EXPIRED_PRESIGNED_REQUEST, "Request has expired");
        }
    }

    /** The request time from {@code x-amz-date}, else from {@code Date}. */
    private static RequestTime headerTime(SignedRequest req) {
        String amzDate = req.header("x-amz-date");
        if (amzDate != null) {
            Instant t = AmzDates.parseIsoBasic(amzDate.strip());
            if (t == null) {
                throw new AuthException(AuthError.MISSING_SECURITY_HEADER,
                        "x-amz-date '" + amzDate + "' is not yyyyMMdd'T'HHmmss'Z'");
            }
            return new RequestTime(t, amzDate.strip());
        }
        String date = req.header("date");
        Instant t = AmzDates.parseHttpDate(date);
        if (t == null) {
            throw new AuthException(AuthError.MISSING_SECURITY_HEADER,
                    "AWS authentication requires a valid Date or x-amz-date header");
        }
        return new RequestTime(t, AmzDates.formatIsoBasic(t));
    }

    private static String sign(byte[] signingKey, String timestamp, CredentialScope scope, String canonical) {
        String stringToSign = CanonicalRequest.stringToSign(timestamp, scope.scope(), canonical);
        return Crypto.hex(Crypto.hmacSha256(signingKey, stringToSign));
    }
}
