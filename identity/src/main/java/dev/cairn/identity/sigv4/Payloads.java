package dev.cairn.identity.sigv4;

import java.io.InputStream;
import java.util.Objects;

/**
 * Body checks for authenticated requests. Every wrapper streams (nothing holds the whole body) and reports a
 * failure as an {@link AuthException} from {@code read}; the body is verified only once {@code read} has
 * returned -1, so a consumer must read to the end before it commits anything. Closing a wrapper closes the raw
 * stream.
 */
public final class Payloads {

    private Payloads() {}

    /**
     * Passes {@code body} through and, at its end, compares its SHA-256 with {@code expectedHex} (either case),
     * throwing {@link AuthError#X_AMZ_CONTENT_SHA256_MISMATCH} instead of reporting end-of-stream when they differ.
     */
    public static InputStream verifySha256(InputStream body, String expectedHex) {
        return new Sha256VerifyingStream(Objects.requireNonNull(body, "body"), expectedHex);
    }

    /**
     * The body of the request {@code auth} describes, checked as its payload mode requires: a digest is verified
     * ({@link PayloadMode#SIGNED}), an {@code aws-chunked} body is decoded and its signatures verified (the
     * streaming modes, see {@link ChunkedPayloadStream}), and an unsigned or unclaimed body is returned as it is.
     *
     * @param decodedLength the request's {@code x-amz-decoded-content-length}, or {@code null} when it sent none;
     *     only the streaming modes use it
     */
    public static InputStream wrapBody(AuthResult auth, InputStream raw, Long decodedLength) {
        Objects.requireNonNull(raw, "raw");
        return switch (auth.payloadMode()) {
            case SIGNED -> verifySha256(raw, auth.contentSha256());
            case UNSIGNED, NONE -> raw;
            case STREAMING_SIGNED, STREAMING_SIGNED_TRAILER, STREAMING_UNSIGNED_TRAILER ->
                new ChunkedPayloadStream(raw, auth, decodedLength);
        };
    }
}
