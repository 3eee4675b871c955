package dev.cairn.bench.load;

import java.time.Duration;
import java.util.Locale;

/** Parsing of byte sizes ({@code 4KiB}, {@code 1MB}, {@code 512}) and durations ({@code 30s}, {@code 500ms}). */
final class Units {
    private Units() {}

    /**
     * Bytes: a whole number with an optional unit, case-insensitive: {@code B}; {@code KB MB GB} (powers of 1000);
     * {@code KiB MiB GiB}, or just {@code K M G} (powers of 1024).
     */
    static long parseBytes(String text) {
        String s = text.strip();
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not a size: '" + text + "'");
        }
        long n = Long.parseLong(s.substring(0, i));
        long unit = switch (s.substring(i).strip().toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "kb" -> 1000;
            case "mb" -> 1000_000;
            case "gb" -> 1000_000_000;
            case "k", "kib" -> 1L << 10;
            case "m", "mib" -> 1L << 20;
            case "g", "gib" -> 1L << 30;
            default -> throw new IllegalArgumentException("unknown size unit in '" + text + "'");
        };
        return Math.multiplyExact(n, unit);
    }

    /** A duration: a whole number with {@code ms}, {@code s}, {@code m} or {@code h}; a bare number is seconds. */
    static Duration parseDuration(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not a duration: '" + text + "'");
        }
        long n = Long.parseLong(s.substring(0, i));
        return switch (s.substring(i)) {
            case "ms" -> Duration.ofMillis(n);
            case "", "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("unknown duration unit in '" + text + "'");
        };
    }

    /** A size for people: {@code 4KiB}, {@code 1MiB}, {@code 1500B}. */
    static String formatBytes(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return (n >> 30) + "GiB";
        }
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return (n >> 20) + "MiB";
        }
        if (n >= 1L << 10 && n % (1L << 10) == 0) {
            return (n >> 10) + "KiB";
        }
        return n + "B";
    }
}
