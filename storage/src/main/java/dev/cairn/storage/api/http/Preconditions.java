package dev.cairn.storage.api.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * HTTP conditional request headers as S3 evaluates them for GET, HEAD and copy sources: If-Match beats
 * If-Unmodified-Since (412), If-None-Match beats If-Modified-Since (304). Dates compare at whole seconds;
 * an unparsable date is ignored, as S3 does.
 */
public final class Preconditions {

    public enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

    private Preconditions() {
    }

    public static Outcome evaluate(String ifMatch, String ifNoneMatch, String ifModifiedSince,
                                   String ifUnmodifiedSince, String etag, Instant lastModified) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!etagMatches(ifMatch, etag)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else {
            Instant since = parseDate(ifUnmodifiedSince);
            if (since != null && modified.isAfter(since)) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        if (ifNoneMatch != null) {
            if (etagMatches(ifNoneMatch, etag)) {
                return Outcome.NOT_MODIFIED;
            }
        } else {
            Instant since = parseDate(ifModifiedSince);
            if (since != null && !modified.isAfter(since)) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /** Whether a comma-separated list of entity tags (quoted or not, or {@code *}) names {@code etag}. */
    public static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            c = c.replace("\"", "");
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP date (RFC 1123, or ISO-8601 as some clients send), or null when absent or unparsable. */
    public static Instant parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Formats a time as an HTTP date (Last-Modified, Expires). */
    public static String httpDate(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(java.time.ZoneOffset.UTC));
    }
}
