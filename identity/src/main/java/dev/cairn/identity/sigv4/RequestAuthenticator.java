package dev.cairn.identity.sigv4;

import dev.cairn.identity.CredentialStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Authenticates S3 requests: finds which of the forms S3 clients use a request is signed with, verifies it, and
 * says who sent it.
 *
 * <ul>
 *   <li>SigV4 header: {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...};
 *   <li>SigV4 presigned URL: {@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Date},
 *       {@code X-Amz-Expires} (at most 7 days), {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature};
 *   <li>SigV2 header {@code Authorization: AWS key:signature}, and SigV2 query {@code AWSAccessKeyId},
 *       {@code Expires}, {@code Signature};
 *   <li>none of these: anonymous, with {@code null} credentials; whether that is allowed is the caller's policy.
 * </ul>
 *
 * Only the request head is verified here. The body is checked as it is read, by the stream
 * {@link Payloads#wrapBody} returns for the result.
 *
 * <p>Thread-safe; one instance serves the whole node. Signing keys are cached across requests.
 */
public final class RequestAuthenticator {

    private final InstantSource clock;
    private final SigV4Verifier v4;
    private final SigV2Verifier v2;

    /** Looks secrets up in {@code store}; reads the time for skew and expiry checks from {@code clock}. */
    public RequestAuthenticator(CredentialStore store, InstantSource clock) {
        Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.v4 = new SigV4Verifier(store, clock, new SigningKeys());
        this.v2 = new SigV2Verifier(store, clock);
    }

    /**
     * Verifies {@code req}'s signature, or finds it carries none.
     *
     * @throws AuthException when the request is signed but the signature, its form, its time or its key is wrong,
     *     or when it mixes authentication mechanisms
     */
    public AuthResult authenticate(SignedRequest req) {
        QueryParameters query = QueryParameters.parse(req.rawQuery());
        boolean v4Query = query.contains(SigV4Verifier.X_AMZ_ALGORITHM)
                || query.contains(SigV4Verifier.X_AMZ_CREDENTIAL) || query.contains(SigV4Verifier.X_AMZ_SIGNATURE);
        boolean v2Query = query.contains("AWSAccessKeyId");
        List<String> authorization = req.headers("authorization");
        if (authorization.size() > 1) {
            throw new AuthException(AuthError.INVALID_ARGUMENT, "more than one Authorization header");
        }
        if ((authorization.isEmpty() ? 0 : 1) + (v4Query ? 1 : 0) + (v2Query ? 1 : 0) > 1) {
            throw new AuthException(AuthError.INVALID_ARGUMENT, "Only one auth mechanism allowed; only the "
                    + "X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization "
                    + "header should be specified");
        }
        if (!authorization.isEmpty()) {
            String value = authorization.getFirst().strip();
            if (value.startsWith(AuthorizationV4.ALGORITHM + " ")) {
                return v4.verifyHeader(req, value, query);
            }
            if (value.startsWith("AWS ")) {
                return v2.verifyHeader(req, value, query);
            }
            if (value.isEmpty() || value.indexOf(' ') < 0) {
                throw new AuthException(AuthError.AUTHORIZATION_HEADER_MALFORMED,
                        "Authorization header is invalid -- one and only one ' ' (space) required");
            }
            throw new AuthException(AuthError.INVALID_ARGUMENT, "Unsupported Authorization Type");
        }
        if (v4Query) {
            return v4.verifyPresigned(req, query);
        }
        if (v2Query) {
            return v2.verifyQuery(req, query);
        }
        return anonymous(req);
    }

    /**
     * An unsigned request still says what its body is: a digest can be checked, and an unsigned {@code aws-chunked}
     * body must be decoded. Signed chunks cannot be verified without a signed request and are refused.
     */
    private AuthResult anonymous(SignedRequest req) {
        String declared = req.header("x-amz-content-sha256");
        if (declared == null) {
            return AuthResult.anonymous(PayloadMode.NONE, null, Set.of(), clock.instant());
        }
        PayloadClaim claim = PayloadClaim.parse(declared);
        if (claim.mode().signedChunks()) {
            throw new AuthException(AuthError.INVALID_ARGUMENT,
                    "a signed streaming payload needs a signed request; this one is anonymous");
        }
        return AuthResult.anonymous(claim.mode(), claim.sha256(),
                PayloadClaim.trailerNames(req.headers("x-amz-trailer")), clock.instant());
    }
}
