package dev.cairn.identity.sigv4;

import dev.cairn.identity.CredentialStore;
import dev.cairn.identity.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The checks every signature version shares: key lookup, clock skew, session token, unsigned {@code x-amz-*} headers. */
final class Checks {

    /** How far a request's time may be from the server's clock, either way (S3's limit). */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private Checks() {}

    static Credentials lookup(CredentialStore store, String accessKey) {
        Optional<Credentials> found = store.lookup(accessKey);
        if (found.isEmpty()) {
            throw new AuthException(AuthError.INVALID_ACCESS_KEY_ID,
                    "the access key '" + accessKey + "' does not exist");
        }
        return found.get();
    }

    /** Refuses a request time more than {@link #MAX_SKEW} before or after {@code now}; exactly 15 minutes passes. */
    static void checkSkew(Instant requestTime, Instant now) {
        Duration skew = Duration.between(requestTime, now).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            throw new AuthException(AuthError.REQUEST_TIME_TOO_SKEWED, "the request time " + requestTime
                    + " is " + skew.toSeconds() + " s from the server time " + now + " (at most 900 s allowed)");
        }
    }

    /**
     * Temporary credentials need their session token in the request; long-term credentials must come without one.
     * The token is compared in constant time, like a signature.
     */
    static void checkToken(Credentials credentials, String token) {
        boolean sent = token != null && !token.isEmpty();
        if (credentials.sessionToken() == null) {
            if (sent) {
                throw new AuthException(AuthError.INVALID_TOKEN,
                        "a security token was sent with credentials that have none");
            }
            return;
        }
        if (!sent || !Crypto.constantTimeEquals(credentials.sessionToken(), token)) {
            throw new AuthException(AuthError.INVALID_TOKEN, "the security token is missing or invalid");
        }
    }

    /**
     * S3 requires every {@code x-amz-*} header of a SigV4 request to be signed: otherwise anyone on the path could
     * add, say, {@code x-amz-copy-source} or {@code x-amz-acl} to a signed request.
     */
    static void checkAmzHeadersSigned(SignedRequest req, Collection<String> signedHeaders) {
        List<String> unsigned = new ArrayList<>();
        for (String name : req.headerNames()) {
            if (name.startsWith("x-amz-") && !signedHeaders.contains(name)) {
                unsigned.add(name);
            }
        }
        if (!unsigned.isEmpty()) {
            unsigned.sort(null);
            throw new AuthException(AuthError.ACCESS_DENIED,
                    "there were headers present in the request which were not signed: " + String.join(", ", unsigned));
        }
    }
}
