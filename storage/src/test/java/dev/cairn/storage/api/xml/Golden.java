package dev.cairn.storage.api.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

/** Golden documents written readably: indentation between tags is removed before comparing. */
final class Golden {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private Golden() {
    }

    /** The document {@code pretty} with the whitespace between tags removed ({@code $NS} is the S3 namespace). */
    static String doc(String pretty) {
        return DECLARATION + pretty.strip().replaceAll(">\\s+<", "><").replace("$NS", NS);
    }

    static void assertDocument(String pretty, byte[] actual) {
        assertEquals(doc(pretty), new String(actual, StandardCharsets.UTF_8));
    }
}
