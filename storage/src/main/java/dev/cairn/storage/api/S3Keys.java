package dev.cairn.storage.api;

import dev.cairn.notifications.event.KeyEncoding;

/** Object-key rules of the S3 API that sit above storage: the length limit and the {@code encoding-type=url} form. */
public final class S3Keys {

    /** S3's limit on a key, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    private S3Keys() {
    }

    /** Refuses a key over {@value #MAX_KEY_BYTES} UTF-8 bytes with KeyTooLongError, as S3 does. */
    public static void requireValidLength(String key) {
        if (utf8Length(key) > MAX_KEY_BYTES) {
            throw new S3Exception(S3Error.KEY_TOO_LONG);
        }
    }

    /**
     * The key as S3 writes it in listings under {@code encoding-type=url} (and in event records): form encoding of
     * the UTF-8 bytes, where {@code A-Z a-z 0-9 - _ . *} and {@code /} stay as they are, a space becomes {@code +}
     * and every other byte becomes {@code %XX}. One implementation serves both: {@link KeyEncoding}.
     */
    public static String urlEncode(String s) {
        return KeyEncoding.urlEncode(s);
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
