package dev.cairn.storage.api.http;

import dev.cairn.storage.object.RangeSpec;

/**
 * The {@code Range} header of a GET: one {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}.
 * S3 ignores a syntactically invalid or multi-range header and returns the whole object; so does this.
 */
public final class RangeHeader {
    private RangeHeader() {
    }

    /** The requested range, or null for "whole object". */
    public static RangeSpec parse(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                return b.isEmpty() ? null : new RangeSpec(null, Long.parseLong(b));
            }
            Long first = Long.parseLong(a);
            Long last = b.isEmpty() ? null : Long.parseLong(b);
            if (first < 0 || last != null && last < first) {
                return null;
            }
            return new RangeSpec(first, last);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
