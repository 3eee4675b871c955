package dev.cairn.identity.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;

/**
 * The chain of signatures of a signed {@code aws-chunked} body. Chunk {@code n}'s signature is
 *
 * <pre>
 * HMAC(signing key, "AWS4-HMAC-SHA256-PAYLOAD\n" + timestamp + "\n" + scope + "\n" + signature(n-1) + "\n"
 *                   + hex(sha256("")) + "\n" + hex(sha256(chunk data)))
 * </pre>
 *
 * starting from the request's own (seed) signature; the trailer signature is
 * {@code HMAC(key, "AWS4-HMAC-SHA256-TRAILER\n" + timestamp + "\n" + scope + "\n" + last chunk signature + "\n"
 * + hex(sha256(trailer lines)))}. So chunks can be neither changed, reordered, dropped nor replayed elsewhere.
 * One chain per body; not thread-safe.
 */
final class ChunkSignatureChain {

    private final Mac mac;
    private final MessageDigest sha256 = Crypto.sha256();
    private final String chunkPrefix;
    private final String trailerPrefix;
    private String previous;

    ChunkSignatureChain(ChunkSigningContext context) {
        this.mac = Crypto.mac(Crypto.HMAC_SHA256, context.signingKey());
        String timeAndScope = context.timestamp() + '\n' + context.scope() + '\n';
        this.chunkPrefix = "AWS4-HMAC-SHA256-PAYLOAD\n" + timeAndScope;
        this.trailerPrefix = "AWS4-HMAC-SHA256-TRAILER\n" + timeAndScope;
        this.previous = context.seedSignature();
    }

    /** Whether {@code claimed} signs {@code data[off, off+len)} next in the chain; advances the chain if it does. */
    boolean verifyChunk(byte[] data, int off, int len, String claimed) {
        sha256.update(data, off, len);
        String stringToSign = chunkPrefix + previous + '\n' + Crypto.EMPTY_SHA256 + '\n' + Crypto.hex(sha256.digest());
        return advance(stringToSign, claimed);
    }

    /** Whether {@code claimed} signs the trailer lines ({@code name:value\n} each, as received). */
    boolean verifyTrailer(byte[] trailerLines, String claimed) {
        String stringToSign = trailerPrefix + previous + '\n' + Crypto.hex(sha256.digest(trailerLines));
        return advance(stringToSign, claimed);
    }

    private boolean advance(String stringToSign, String claimed) {
        String expected = Crypto.hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        if (!Crypto.constantTimeEquals(expected, claimed)) {
            return false;
        }
        previous = expected;
        return true;
    }
}
