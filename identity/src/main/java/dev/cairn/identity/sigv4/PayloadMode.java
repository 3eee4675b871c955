package dev.cairn.identity.sigv4;

/**
 * What an authenticated request claims about its body, from {@code x-amz-content-sha256}; decides how
 * {@link Payloads#wrapBody} checks the body.
 */
public enum PayloadMode {
    /** A hex SHA-256 digest: the body must hash to it ({@link Payloads#verifySha256}). */
    SIGNED("sha256 hex digest"),
    /** {@code UNSIGNED-PAYLOAD}: the body is not covered by the signature. Presigned URLs use this by default. */
    UNSIGNED("UNSIGNED-PAYLOAD"),
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: an {@code aws-chunked} body with a signature on every chunk. */
    STREAMING_SIGNED("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: signed chunks, then trailing headers with their own signature. */
    STREAMING_SIGNED_TRAILER("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"),
    /** {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: unsigned {@code aws-chunked} chunks, then trailing headers. */
    STREAMING_UNSIGNED_TRAILER("STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
    /** No claim about the body: Signature V2 and anonymous requests. The body is passed through as it comes. */
    NONE("none");

    private final String wireValue;

    PayloadMode(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The {@code x-amz-content-sha256} keyword of this mode (a description for {@link #SIGNED} and {@link #NONE}). */
    public String wireValue() {
        return wireValue;
    }

    /** Whether the body is {@code aws-chunked} and must be decoded by {@link ChunkedPayloadStream}. */
    public boolean streaming() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }

    /** Whether trailing headers follow the final chunk. */
    public boolean trailer() {
        return this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }

    /** Whether each chunk carries a {@code chunk-signature} that must be verified. */
    public boolean signedChunks() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER;
    }
}
