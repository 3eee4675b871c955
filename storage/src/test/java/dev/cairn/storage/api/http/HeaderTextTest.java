package dev.cairn.storage.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Header values reach the signature check as the client's text, not as the bytes HTTP decoded one by one. */
class HeaderTextTest {

    private static String asDecodedByHttp(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void utf8BytesBecomeTheirText() {
        assertEquals("Hello World\u00e9", HeaderText.asSent(asDecodedByHttp("Hello World\u00e9")));
        assertEquals("\u6771\u4eac", HeaderText.asSent(asDecodedByHttp("\u6771\u4eac")));
    }

    @Test
    void asciiAndNonUtf8ValuesStayAsTheyAre() {
        String ascii = "plain value";
        assertSame(ascii, HeaderText.asSent(ascii));
        String latin1 = "caf\u00e9"; // one byte 0xE9: not UTF-8
        assertSame(latin1, HeaderText.asSent(latin1));
    }
}
