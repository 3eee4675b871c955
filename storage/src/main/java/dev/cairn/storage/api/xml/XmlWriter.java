package dev.cairn.storage.api.xml;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small forward-only XML writer for S3 response documents: elements and text, and attributes only where S3
 * writes them (the root's namespace, an ACL grantee's {@code xsi:type}); no comments, no self-closing tags: an empty
 * element is written {@code <A></A>}, as S3 does.
 *
 * <p>Text is escaped for XML 1.0: {@code & < > " '} as entities; tab, line feed and carriage return as character
 * references (so that parsers' end-of-line normalization cannot change a key); characters XML 1.0 cannot carry at
 * all (most C0 controls, lone surrogates, U+FFFE, U+FFFF) as U+FFFD. Keys with such characters survive only under
 * {@code encoding-type=url}, which is why SDKs ask for it.
 *
 * <p>Element names are the callers' constants and are not checked. Not thread-safe; one writer per document.
 */
public final class XmlWriter {

    /** The namespace of every S3 response document except Error. */
    public static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(256);
    private final Deque<String> open = new ArrayDeque<>();

    private XmlWriter(String root, String namespace) {
        out.append(DECLARATION).append('<').append(root);
        if (namespace != null) {
            out.append(" xmlns=\"").append(namespace).append('"');
        }
        out.append('>');
        open.push(root);
    }

    /** A document whose root element carries the S3 namespace. */
    public static XmlWriter s3Document(String root) {
        return new XmlWriter(root, S3_NAMESPACE);
    }

    /** A document whose root has no namespace (S3's Error document). */
    public static XmlWriter plainDocument(String root) {
        return new XmlWriter(root, null);
    }

    public XmlWriter start(String name) {
        requireOpen();
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /**
     * Opens {@code name} with attributes in the order given (names are the callers' constants, values are
     * escaped), e.g. an ACL grantee with its {@code xmlns:xsi} declaration and {@code xsi:type}.
     */
    public XmlWriter start(String name, java.util.SequencedMap<String, String> attributes) {
        requireOpen();
        out.append('<').append(name);
        attributes.forEach((k, v) -> {
            out.append(' ').append(k).append("=\"");
            appendEscaped(out, v);
            out.append('"');
        });
        out.append('>');
        open.push(name);
        return this;
    }

    /** Closes the innermost open element (never the root: {@link #finish} does that). */
    public XmlWriter end() {
        if (open.size() < 2) {
            throw new IllegalStateException("no element open below the root");
        }
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Text inside the innermost open element (for documents whose root holds only text). */
    public XmlWriter text(String text) {
        requireOpen();
        appendEscaped(out, text);
        return this;
    }

    /** {@code <name>text</name>}; null text writes an empty element. */
    public XmlWriter element(String name, String text) {
        requireOpen();
        out.append('<').append(name).append('>');
        if (text != null) {
            appendEscaped(out, text);
        }
        out.append("</").append(name).append('>');
        return this;
    }

    /** Like {@link #element(String, String)} but writes nothing when {@code text} is null. */
    public XmlWriter optional(String name, String text) {
        return text == null ? this : element(name, text);
    }

    public XmlWriter element(String name, long value) {
        return element(name, Long.toString(value));
    }

    public XmlWriter element(String name, boolean value) {
        return element(name, value ? "true" : "false");
    }

    /** A timestamp as S3 writes it: ISO-8601 in UTC with milliseconds, {@code 2009-10-12T17:50:30.000Z}. */
    public XmlWriter element(String name, Instant time) {
        return element(name, iso8601(time));
    }

    /** Closes the root and returns the document as UTF-8; the writer is done afterwards. */
    public byte[] finish() {
        return finishString().getBytes(StandardCharsets.UTF_8);
    }

    /** Like {@link #finish} but returns the document as a string (for tests and logs). */
    public String finishString() {
        if (open.size() != 1) {
            throw new IllegalStateException("elements still open: " + open);
        }
        out.append("</").append(open.pop()).append('>');
        return out.toString();
    }

    public static String iso8601(Instant time) {
        return ISO_MILLIS.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Appends {@code text} escaped for XML 1.0 character data (see the class comment). */
    public static void appendEscaped(StringBuilder sb, String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\t' -> sb.append("&#9;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c >= 0x20 && c < 0xD800 || c >= 0xE000 && c <= 0xFFFD) {
                        sb.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i));
                    } else {
                        sb.append('\uFFFD');
                    }
                }
            }
        }
    }

    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        appendEscaped(sb, text);
        return sb.toString();
    }

    private void requireOpen() {
        if (open.isEmpty()) {
            throw new IllegalStateException("document already finished");
        }
    }
}
