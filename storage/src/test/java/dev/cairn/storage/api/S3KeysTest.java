package dev.cairn.storage.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3KeysTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "plain/key.txt|plain/key.txt",
            "a b|a+b",
            "a+b|a%2Bb",
            "100%|100%25",
            "tilde~|tilde%7E",
            "star*-_.|star*-_.",
            "é|%C3%A9",
            "日本|%E6%97%A5%E6%9C%AC",
            "😀|%F0%9F%98%80",
            "a&b=c?d#e|a%26b%3Dc%3Fd%23e",
    })
    void encodesAsS3(String key, String encoded) {
        assertEquals(encoded, S3Keys.urlEncode(key));
    }

    @Test
    void controlCharactersAreEncoded() {
        assertEquals("a%01b%0A%7F", S3Keys.urlEncode("a\u0001b\n\u007f"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b+c", "x/y/ z~é", "%41", "\u0000\u0001 \uD83D\uDE00"})
    void aFormDecoderGetsTheKeyBack(String key) {
        assertEquals(key, URLDecoder.decode(S3Keys.urlEncode(key), StandardCharsets.UTF_8));
    }

    @Test
    void nullStaysNull() {
        assertNull(S3Keys.urlEncode(null));
    }

    @Test
    void keyLengthIsCountedInUtf8Bytes() {
        assertDoesNotThrow(() -> S3Keys.requireValidLength("a".repeat(1024)));
        assertDoesNotThrow(() -> S3Keys.requireValidLength("é".repeat(512)));
        S3Exception e = assertThrows(S3Exception.class, () -> S3Keys.requireValidLength("é".repeat(513)));
        assertEquals(S3Error.KEY_TOO_LONG, e.error());
        assertThrows(S3Exception.class, () -> S3Keys.requireValidLength("a".repeat(1025)));
        assertDoesNotThrow(() -> S3Keys.requireValidLength("😀".repeat(256)));
        assertThrows(S3Exception.class, () -> S3Keys.requireValidLength("😀".repeat(256) + "a"));
        assertEquals("日本😀a".getBytes(StandardCharsets.UTF_8).length, S3Keys.utf8Length("日本😀a"));
    }
}
