package dev.cairn.identity.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * AWS URI encoding for canonical requests: every byte except the unreserved {@code A-Z a-z 0-9 - . _ ~} becomes
 * {@code %XY} with upper-case hex; in paths {@code /} stays as it is.
 *
 * <p>Canonicalization starts from what the client sent, not from a decoded value: an escape is decoded to its
 * byte and re-encoded (so {@code %7e} becomes {@code ~} and {@code %2f} becomes {@code %2F}), a character that
 * needed escaping but came raw is escaped ({@code $} becomes {@code %24}), and everything else is kept. In a path
 * that keeps {@code %2F} and {@code /} apart, which is what a client that escaped the slash in a key signed; S3
 * itself neither normalizes ({@code ..}, {@code //} stay) nor double-encodes the path, and neither do we. In a
 * query {@code +} means a space (form encoding, as Go and Java clients send it) and becomes {@code %20}; in a path
 * it is a literal plus, {@code %2B}. A {@code %} not followed by two hex digits is taken literally ({@code %25}).
 */
final class UriEncoding {

    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {}

    /** The canonical URI of a raw request path ({@code /} for an empty one). */
    static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        return canonicalize(rawPath, true);
    }

    /** The canonical form of one raw query-string name or value. */
    static String canonicalQueryComponent(String raw) {
        return canonicalize(raw, false);
    }

    /** Percent-decodes a raw query name or value ({@code +} is a space) to text, for reading parameter values. */
    static String decodeQueryComponent(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int n = raw.length();
        for (int i = 0; i < n; ) {
            char c = raw.charAt(i);
            int escaped = c == '%' ? escapedByte(raw, i) : -1;
            if (escaped >= 0) {
                bytes.write(escaped);
                i += 3;
            } else if (c == '+') {
                bytes.write(' ');
                i++;
            } else {
                int cp = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String canonicalize(String raw, boolean path) {
        if (alreadyCanonical(raw, path)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        int n = raw.length();
        for (int i = 0; i < n; ) {
            char c = raw.charAt(i);
            int escaped = c == '%' ? escapedByte(raw, i) : -1;
            if (escaped >= 0) {
                appendByte(out, escaped);
                i += 3;
            } else if (c == '+') {
                out.append(path ? "%2B" : "%20");
                i++;
            } else if (c == '/' && path) {
                out.append('/');
                i++;
            } else if (c < 0x80) {
                appendByte(out, c);
                i++;
            } else {
                int cp = raw.codePointAt(i);
                for (byte b : Character.toString(cp).getBytes(StandardCharsets.UTF_8)) {
                    appendByte(out, b & 0xff);
                }
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    /** The common case, checked without allocating: only unreserved characters (and slashes in a path). */
    private static boolean alreadyCanonical(String raw, boolean path) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!unreserved(c) && !(path && c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** The byte of a {@code %XY} escape at {@code i}, or -1 when {@code i} does not start a valid escape. */
    private static int escapedByte(String s, int i) {
        if (i + 2 >= s.length()) {
            return -1;
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    private static void appendByte(StringBuilder out, int b) {
        if (unreserved((char) b)) {
            out.append((char) b);
        } else {
            out.append('%').append(HEX_UPPER[b >> 4]).append(HEX_UPPER[b & 0xf]);
        }
    }

    static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
