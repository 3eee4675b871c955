package dev.cairn.storage.api.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlWriterTest {

    @Test
    void writesNestedElementsWithTheNamespaceOnTheRoot() {
        String xml = XmlWriter.s3Document("Root").start("A").element("B", "x").element("C", 42).end()
                .element("D", true).element("E", (String) null).finishString();
        assertEquals(Golden.doc("<Root$NS><A><B>x</B><C>42</C></A><D>true</D><E></E></Root>"), xml);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
            "a&b|a&amp;b",
            "<tag>|&lt;tag&gt;",
            "say \"hi\" 'you'|say &quot;hi&quot; &apos;you&apos;",
            "日本 é 😀|日本 é 😀",
    })
    void escapes(String text, String escaped) {
        assertEquals(escaped, XmlWriter.escape(text));
    }

    @Test
    void whitespaceControlsBecomeCharacterReferences() {
        assertEquals("a&#9;b&#10;c&#13;d", XmlWriter.escape("a\tb\nc\rd"));
    }

    @Test
    void charactersXml10CannotCarryBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd\uFFFD\uFFFDe", XmlWriter.escape("a\u0000b\u001Fc\uD800d\uFFFE\uFFFFe"));
        assertEquals("\uFFFD", XmlWriter.escape("\uDC00"));
        assertEquals("x\uFFFD", XmlWriter.escape("x\uD83D")); // a high surrogate at the end
        assertEquals("\u007F\u0085\uFFFD", XmlWriter.escape("\u007F\u0085\uFFFD")); // allowed by XML 1.0
    }

    /** Whatever the text, the document parses back to it (up to what XML 1.0 cannot carry). */
    @Test
    void everythingWrittenParsesBack() {
        String text = "k e&y<>\"'\t\n\r 日本 😀 ~%+";
        byte[] doc = XmlWriter.s3Document("Root").element("Key", text).finish();
        XmlElement root = XmlReader.parse(new ByteArrayInputStream(doc), 1000);
        assertEquals(text, root.childText("Key"));
    }

    @Test
    void timestampsAreUtcWithMilliseconds() {
        assertEquals("2024-05-06T07:08:09.123Z", XmlWriter.iso8601(Instant.parse("2024-05-06T07:08:09.123999Z")));
        assertEquals("1970-01-01T00:00:00.000Z", XmlWriter.iso8601(Instant.EPOCH));
    }

    @Test
    void misuseIsRefused() {
        XmlWriter w = XmlWriter.s3Document("Root").start("A");
        assertThrows(IllegalStateException.class, w::finish);
        w.end();
        assertThrows(IllegalStateException.class, w::end);
        assertEquals(Golden.doc("<Root$NS><A></A></Root>"), new String(w.finish(), StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> w.start("B"));
    }
}
