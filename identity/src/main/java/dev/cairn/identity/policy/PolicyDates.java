package dev.cairn.identity.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Dates as the {@code Date*} condition operators read them: ISO 8601 ({@code 2019-07-16T12:00:00Z}, with or without
 * fractional seconds, with an offset, a date-time without zone taken as UTC, or a bare date at midnight UTC) or
 * epoch seconds ({@code 1563278400}), which is how {@code aws:EpochTime} is written.
 */
final class PolicyDates {

    private PolicyDates() {
    }

    /** Epoch milliseconds, or null when the text is not a date in one of those forms. */
    static Long parseMillis(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 40) {
            return null;
        }
        if (isEpochSeconds(s)) {
            try {
                return Math.multiplyExact(Long.parseLong(s), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        Long fast = parseUtcSeconds(s);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // not with an offset; try the zone-less forms
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // not a local date-time either
        }
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The form the S3 layer writes {@code aws:CurrentTime} in. */
    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static boolean isEpochSeconds(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ} exactly, without java.time's parser: the form of {@code aws:CurrentTime}, read on
     * every evaluation of a date condition. Returns null for anything else (the general parser then runs).
     */
    private static Long parseUtcSeconds(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
