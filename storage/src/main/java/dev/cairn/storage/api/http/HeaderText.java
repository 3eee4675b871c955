package dev.cairn.storage.api.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Header values as text. */
public final class HeaderText {
    private HeaderText() {
    }

    /**
     * A header value as the client signed it. HTTP hands header bytes over one char per byte (ISO-8859-1), while
     * clients sign the text those bytes are in UTF-8 (boto3 sends non-ASCII metadata that way); a value whose bytes
     * are valid UTF-8 is turned back into that text, so that the signature's UTF-8 covers the bytes sent. Anything
     * else is returned as it is (the same instance).
     */
    public static String asSent(String headerValue) {
        boolean ascii = true;
        for (int i = 0; i < headerValue.length() && ascii; i++) {
            ascii = headerValue.charAt(i) < 0x80;
        }
        if (ascii) {
            return headerValue;
        }
        byte[] raw = headerValue.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return headerValue;
        }
    }
}
