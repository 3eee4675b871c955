package dev.cairn.identity.sigv4;

/**
 * What verifying the chunks of a signed {@code aws-chunked} body needs from the request that carried it: the
 * signing key, the request timestamp and scope, and the request's own signature, which seeds the chain of chunk
 * signatures. Opaque outside this package: it holds a key derived from the secret.
 */
public final class ChunkSigningContext {

    private final byte[] signingKey;
    private final String timestamp;
    private final String scope;
    private final String seedSignature;

    ChunkSigningContext(byte[] signingKey, String timestamp, String scope, String seedSignature) {
        this.signingKey = signingKey;
        this.timestamp = timestamp;
        this.scope = scope;
        this.seedSignature = seedSignature;
    }

    byte[] signingKey() {
        return signingKey;
    }

    String timestamp() {
        return timestamp;
    }

    String scope() {
        return scope;
    }

    String seedSignature() {
        return seedSignature;
    }

    /** Names the scope only; the key stays out of logs. */
    @Override
    public String toString() {
        return "ChunkSigningContext[" + timestamp + " " + scope + "]";
    }
}
