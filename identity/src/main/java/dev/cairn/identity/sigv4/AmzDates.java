package dev.cairn.identity.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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
     * Parses an HTTP date as S3 clients send it in {@code Date} or a SigV2 {@code x-amz-date}: RFC 1123
     * ({@code Tue, 27 Mar 2007 19:36:42 +0000} or {@code ... GMT}); an ISO 8601 basic time is accepted too.
     * Returns {@code null} when it is neither.
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
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(trimmed, Instant::from);
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
