package dev.cairn.identity.sigv4;

import dev.cairn.identity.Credentials;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Who sent a request and what it promised about its body, once its signature checked out.
 *
 * <p>The request is authenticated; the body is not yet: pass it through {@link Payloads#wrapBody} and treat it as
 * genuine only after that stream has returned end-of-stream without throwing.
 *
 * @param credentials whose secret signed the request, or {@code null} for an anonymous request (no
 *     authentication at all; whether a bucket policy admits it is the caller's decision)
 * @param payloadMode how the body must be checked
 * @param contentSha256 the declared hex SHA-256 of the body in {@link PayloadMode#SIGNED} mode, else {@code null}
 * @param requestTime when the request says it was signed ({@code x-amz-date}, {@code Date} or {@code X-Amz-Date});
 *     for SigV2 query authentication and anonymous requests, which carry no such time, the server's time when the
 *     request was authenticated
 * @param region the region of the SigV4 credential scope, {@code null} for SigV2 and anonymous requests
 * @param chunkSigning what verifying signed chunks needs; non-null exactly in the signed streaming modes
 * @param trailerNames the trailing headers announced in {@code x-amz-trailer} (lower case; empty when none)
 * @param presigned whether the signature came in the query string (a presigned URL) rather than a header
 * @param signatureVersion 4 or 2; 0 for an anonymous request
 */
public record AuthResult(
        Credentials credentials,
        PayloadMode payloadMode,
        String contentSha256,
        Instant requestTime,
        String region,
        ChunkSigningContext chunkSigning,
        Set<String> trailerNames,
        boolean presigned,
        int signatureVersion) {

    public AuthResult {
        Objects.requireNonNull(payloadMode, "payloadMode");
        Objects.requireNonNull(requestTime, "requestTime");
        trailerNames = Set.copyOf(trailerNames);
        if ((payloadMode == PayloadMode.SIGNED) != (contentSha256 != null)) {
            throw new IllegalArgumentException("a content sha256 goes with SIGNED mode and only with it");
        }
        if (payloadMode.signedChunks() != (chunkSigning != null)) {
            throw new IllegalArgumentException("a chunk signing context goes with signed streaming and only with it");
        }
        if (signatureVersion != 0 && signatureVersion != 2 && signatureVersion != 4) {
            throw new IllegalArgumentException("signature version must be 0 (anonymous), 2 or 4");
        }
        if ((credentials == null) != (signatureVersion == 0)) {
            throw new IllegalArgumentException("anonymous results, and only they, have no credentials");
        }
    }

    /** An anonymous request with the given body claim. */
    static AuthResult anonymous(PayloadMode mode, String contentSha256, Set<String> trailerNames, Instant now) {
        return new AuthResult(null, mode, contentSha256, now, null, null, trailerNames, false, 0);
    }

    /** Whether the request carried no authentication at all. */
    public boolean anonymous() {
        return credentials == null;
    }
}
