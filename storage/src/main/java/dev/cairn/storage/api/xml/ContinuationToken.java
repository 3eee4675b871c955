package dev.cairn.storage.api.xml;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ListObjectsV2 continuation tokens: opaque to clients, to us the key to continue after, as base64url (no padding)
 * of a version byte and the key's UTF-8. The version byte lets a later format be told apart; anything that does not
 * decode to version 1 and valid UTF-8 is InvalidArgument, as S3 answers a token it did not issue.
 *
 * <p>{@link ListingXml#listObjectsV2} issues a token of the page's next key marker; the handler lists the next page
 * after {@link #decode}d key (the token wins over {@code start-after} when both are given, as in S3). Tokens are not
 * signed: a client can forge one, which only lets it list from a key it could name with {@code start-after}.
 */
public final class ContinuationToken {

    private static final byte VERSION = 1;

    private ContinuationToken() {
    }

    public static String encode(String lastKey) {
        byte[] key = lastKey.getBytes(StandardCharsets.UTF_8);
        byte[] raw = new byte[key.length + 1];
        raw[0] = VERSION;
        System.arraycopy(key, 0, raw, 1, key.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The key a token continues after; null for a null token (none given). */
    public static String decode(String token) {
        if (token == null) {
            return null;
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            if (raw.length < 2 || raw[0] != VERSION) {
                throw invalid(token, null);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 1, raw.length - 1))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid(token, e);
        }
    }

    private static S3Exception invalid(String token, Exception cause) {
        S3Exception e = new S3Exception(S3Error.INVALID_ARGUMENT, "The continuation token provided is incorrect", cause)
                .withField("ArgumentName", "continuation-token")
                .withField("ArgumentValue", token);
        return e;
    }
}
