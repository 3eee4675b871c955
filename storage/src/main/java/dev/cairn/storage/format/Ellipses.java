package dev.cairn.storage.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Expands MinIO-style ellipses in drive arguments: {@code /data/d{1...4}} is {@code /data/d1} to
 * {@code /data/d4}.
 *
 * <p>Contract:
 * <ul>
 *   <li>A range is written {@code {start...end}} with two non-negative decimal integers, start &lt;= end.
 *       Anything else between braces, and any unmatched or nested brace, is an error: a brace in a drive
 *       argument is never literal, so a typo cannot silently become a path.</li>
 *   <li>Zero padding: when either bound is written with a leading zero ({@code {01...16}}), every value is
 *       padded to the width of the wider bound ({@code 01 .. 16}); otherwise values are plain
 *       ({@code {1...16}} gives {@code 1 .. 16}).</li>
 *   <li>Several ranges in one argument expand as a cartesian product, the leftmost range varying slowest:
 *       {@code http://host{1...2}/disk{1...2}} gives host1/disk1, host1/disk2, host2/disk1, host2/disk2.
 *       This order matters: it is the drive order erasure sets are cut from.</li>
 *   <li>Arguments are expanded in order and concatenated; an argument without braces is itself.</li>
 *   <li>Every resulting path must be distinct across all arguments.</li>
 * </ul>
 * Errors are {@link IllegalArgumentException}s whose message quotes the offending argument.
 */
public final class Ellipses {

    /** Guards against a typo such as {@code {1...100000}{1...100000}} exhausting memory. */
    static final int MAX_PATHS = 65_536;

    /** Bounds longer than this could overflow an int; no real deployment needs them. */
    private static final int MAX_BOUND_DIGITS = 9;

    private Ellipses() {
    }

    /** Expands every argument, in order; see the class comment for the syntax and errors. */
    public static List<String> expand(List<String> args) {
        Objects.requireNonNull(args, "args");
        List<String> paths = new ArrayList<>();
        Map<String, String> argumentOf = new HashMap<>();
        for (String arg : args) {
            for (String path : expandOne(arg)) {
                String earlier = argumentOf.putIfAbsent(path, arg);
                if (earlier != null) {
                    throw new IllegalArgumentException(earlier.equals(arg)
                            ? "drive argument '" + arg + "' yields the path " + path + " more than once"
                            : "drive argument '" + arg + "' yields the path " + path
                                    + ", which argument '" + earlier + "' already gave");
                }
                paths.add(path);
                if (paths.size() > MAX_PATHS) {
                    throw new IllegalArgumentException(
                            "drive arguments expand to more than " + MAX_PATHS + " paths (at '" + arg + "')");
                }
            }
        }
        return List.copyOf(paths);
    }

    private static List<String> expandOne(String arg) {
        if (arg == null || arg.isBlank()) {
            throw new IllegalArgumentException("empty drive argument");
        }
        List<List<String>> segments = parse(arg);
        long count = 1;
        for (List<String> segment : segments) {
            count *= segment.size();
            if (count > MAX_PATHS) {
                throw new IllegalArgumentException(
                        "drive argument '" + arg + "' expands to more than " + MAX_PATHS + " paths");
            }
        }
        List<String> results = List.of("");
        for (List<String> segment : segments) {
            List<String> next = new ArrayList<>(results.size() * segment.size());
            for (String prefix : results) {
                for (String value : segment) {
                    next.add(prefix + value);
                }
            }
            results = next;
        }
        return results;
    }

    /** Splits an argument into segments, each the list of its alternatives: a literal has exactly one. */
    private static List<List<String>> parse(String arg) {
        List<List<String>> segments = new ArrayList<>();
        int literalStart = 0;
        int i = 0;
        while (i < arg.length()) {
            char c = arg.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException(
                        "drive argument '" + arg + "' has a '}' without an opening '{' at offset " + i);
            }
            if (c != '{') {
                i++;
                continue;
            }
            int close = arg.indexOf('}', i + 1);
            int nested = arg.indexOf('{', i + 1);
            if (close < 0 || (nested >= 0 && nested < close)) {
                throw new IllegalArgumentException(
                        "drive argument '" + arg + "' has a '{' without a matching '}' at offset " + i);
            }
            if (literalStart < i) {
                segments.add(List.of(arg.substring(literalStart, i)));
            }
            segments.add(range(arg, arg.substring(i + 1, close)));
            i = close + 1;
            literalStart = i;
        }
        if (literalStart < arg.length()) {
            segments.add(List.of(arg.substring(literalStart)));
        }
        return segments;
    }

    private static List<String> range(String arg, String body) {
        int dots = body.indexOf("...");
        if (dots < 0) {
            throw new IllegalArgumentException(
                    "drive argument '" + arg + "' has '{" + body + "}'; a range is written {start...end}");
        }
        String startText = body.substring(0, dots);
        String endText = body.substring(dots + 3);
        int start = bound(arg, body, startText);
        int end = bound(arg, body, endText);
        if (start > end) {
            throw new IllegalArgumentException("drive argument '" + arg + "' has the range {" + body
                    + "} whose start " + start + " is greater than its end " + end);
        }
        boolean padded = hasLeadingZero(startText) || hasLeadingZero(endText);
        int width = padded ? Math.max(startText.length(), endText.length()) : 0;
        List<String> values = new ArrayList<>(end - start + 1);
        for (int v = start; v <= end; v++) {
            String digits = Integer.toString(v);
            values.add(digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits);
        }
        return values;
    }

    private static int bound(String arg, String body, String text) {
        boolean digits = !text.isEmpty() && text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        if (!digits) {
            throw new IllegalArgumentException("drive argument '" + arg + "' has the range {" + body
                    + "} whose bound '" + text + "' is not a non-negative integer");
        }
        if (text.length() > MAX_BOUND_DIGITS) {
            throw new IllegalArgumentException("drive argument '" + arg + "' has the range {" + body
                    + "} whose bound " + text + " is too large");
        }
        return Integer.parseInt(text);
    }

    private static boolean hasLeadingZero(String text) {
        return text.length() > 1 && text.charAt(0) == '0';
    }
}
