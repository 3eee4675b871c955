package dev.cairn.storage.hash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Test inputs shared by the hash tests: reference-vector files and reproducible pseudo-random bytes. */
final class HashTestData {

    /** The reference test key of both HighwayHash and SipHash vectors: bytes 00, 01, 02, ... */
    static final long[] HIGHWAY_TEST_KEY = {
        0x0706050403020100L, 0x0F0E0D0C0B0A0908L, 0x1716151413121110L, 0x1F1E1D1C1B1A1918L};

    private HashTestData() {
    }

    /** Bytes 00, 01, .., (n-1) mod 256: the message of length n in both reference vector sets. */
    static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /**
     * {@code n} bytes of the splitmix64 stream seeded with {@code seed}, each output word little-endian. The
     * cross-check values in the tests were computed with Debian's libhighwayhash over the same stream.
     */
    static byte[] splitmix(long seed, int n) {
        byte[] b = new byte[n];
        long state = seed;
        for (int i = 0; i < n; i += 8) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            for (int j = 0; j < 8 && i + j < n; j++) {
                b[i + j] = (byte) (z >>> (8 * j));
            }
        }
        return b;
    }

    /** The 32 hash bytes for four result words given as hex, word 0 first, each little-endian. */
    static byte[] wordsLittleEndian(String w0, String w1, String w2, String w3) {
        byte[] out = new byte[32];
        String[] words = {w0, w1, w2, w3};
        for (int w = 0; w < 4; w++) {
            long v = Long.parseUnsignedLong(words[w], 16);
            for (int j = 0; j < 8; j++) {
                out[8 * w + j] = (byte) (v >>> (8 * j));
            }
        }
        return out;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** Non-comment, non-blank lines of a resource next to this class, split on spaces. */
    static List<String[]> vectorLines(String resource) {
        try (InputStream in = HashTestData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            return reader.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.trim().split("\\s+"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
