package dev.cairn.identity.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The JDK primitives the signatures are built from: SHA-256, HMAC-SHA256/HMAC-SHA1, hex, constant-time compare. */
final class Crypto {

    static final String HMAC_SHA256 = "HmacSHA256";
    static final String HMAC_SHA1 = "HmacSHA1";
    /** Hex SHA-256 of nothing: the hashed payload of an empty body and the chunk string-to-sign's fixed field. */
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Crypto() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A MAC keyed with {@code key}; not thread-safe, so each caller gets its own. */
    static Mac mac(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    static byte[] hmacSha256(byte[] key, String data) {
        return mac(HMAC_SHA256, key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(String data) {
        return hex(sha256().digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    static String hex(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Whether {@code s} is exactly 64 hex digits (either case): a SHA-256 or SigV4 signature in hex. */
    static boolean isSha256Hex(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares a computed signature with the one a client sent in time independent of where they differ, so a
     * caller cannot learn a valid signature byte by byte from response times.
     */
    static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
