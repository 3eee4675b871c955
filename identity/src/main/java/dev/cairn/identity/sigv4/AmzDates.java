package dev.cairn.identity.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The two time formats of S3 authentication: ISO 8601 basic ({@code 20130524T000000Z}) and HTTP dates. */
final class AmzDates {

    private AmzDates() {}

    /** Parses {@code yyyyMMdd'T'HHmmss'Z'} strictly (UTC, 16 characters), or returns {@code null}. */
    static Instant parseIsoBasic(String s) {
        if (s == null || s.length() != 16 || s.charAt(8) != 'T' || s.charAt(15) != 'Z') {
            return null;
        }
        for (int i = 0; i < 15; i++) {
            if (i != 8 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(num(s, 0, 4), num(s, 4, 6), num(s, 6, 8), num(s, 9, 11), num(s, 11, 13),
                            num(s, 13, 15))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Whether {@code s} is a credential-scope date {@code yyyyMMdd} (digits only; checked against the request day). */
    static boolean isScopeDate(String s) {
        if (s.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 1123 without the day of the week: {@code 27 Mar 2007 19:36:42 GMT} or {@code ... +0000}. The weekday is
     * dropped before parsing because S3 does not check it against the date (a client that names the wrong one is
     * judged by the date alone, e.g. as too skewed), while the JDK's RFC 1123 parser refuses a mismatch.
     */
    private static final DateTimeFormatter RFC_1123_WITHOUT_WEEKDAY = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("d MMM uuuu HH:mm[:ss]").appendLiteral(' ')
            .appendOffset("+HHMM", "GMT").toFormatter(Locale.US);

    /**
     * Parses an HTTP date as S3 clients send it in {@code Date} or a SigV2 {@code x-amz-date}: RFC 1123
     * ({@code Tue, 27 Mar 2007 19:36:42 +0000} or {@code ... GMT}, the weekday not checked); an ISO 8601 basic time
     * is accepted too. Returns {@code null} when it is neither, or a time before 1970 (which no request has).
     */
    static Instant parseHttpDate(String s) {
        if (s == null) {
            return null;
        }
        String trimmed = s.strip();
        Instant iso = parseIsoBasic(trimmed);
        if (iso != null) {
            return iso;
        }
        int comma = trimmed.indexOf(',');
        String date = comma < 0 ? trimmed : trimmed.substring(comma + 1).strip();
        try {
            Instant t = RFC_1123_WITHOUT_WEEKDAY.parse(date, Instant::from);
            return t.isBefore(Instant.EPOCH) ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} of {@code t} (seconds precision, UTC). */
    static String formatIsoBasic(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        return String.format("%04d%02d%02dT%02d%02d%02dZ", d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                d.getHour(), d.getMinute(), d.getSecond());
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
