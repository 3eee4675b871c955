package dev.cairn.notifications.event;

import java.nio.charset.StandardCharsets;

/**
 * Object keys as S3 writes them where it URL-encodes them (event records, {@code encoding-type=url} listings):
 * form encoding of the UTF-8 bytes where {@code A-Z a-z 0-9 - _ . *} and {@code /} stay as they are, a space
 * becomes {@code +} and every other byte {@code %XX} (upper-case hex). Consumers undo it with a form decoder.
 */
public final class KeyEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyEncoding() {
    }

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
}
