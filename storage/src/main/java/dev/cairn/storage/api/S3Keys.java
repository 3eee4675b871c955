package dev.cairn.storage.api;

import java.nio.charset.StandardCharsets;

/** Object-key rules of the S3 API that sit above storage: the length limit and the {@code encoding-type=url} form. */
public final class S3Keys {

    /** S3's limit on a key, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private S3Keys() {
    }

    /** Refuses a key over {@value #MAX_KEY_BYTES} UTF-8 bytes with KeyTooLongError, as S3 does. */
    public static void requireValidLength(String key) {
        if (utf8Length(key) > MAX_KEY_BYTES) {
            throw new S3Exception(S3Error.KEY_TOO_LONG);
        }
    }

    /**
     * The key as S3 writes it in listings under {@code encoding-type=url}: form encoding of the UTF-8 bytes, where
     * {@code A-Z a-z 0-9 - _ . *} and {@code /} stay as they are, a space becomes {@code +} and every other byte
     * becomes {@code %XX} (upper-case hex; {@code ~} too). Clients undo it with a form decoder, which is why a space
     * may be {@code +} and a {@code +} must be {@code %2B}.
     */
    public static String urlEncode(String s) {
        if (s == null) {
            return null;
        }
        if (!needsEncoding(s)) {
            return s;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(utf8.length + 16);
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean needsEncoding(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || !isUnreserved(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '*' || c == '/';
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3; // the rest of the BMP; a lone surrogate counts as the U+FFFD a decoder puts in its place
            }
        }
        return n;
    }
}
