package dev.cairn.identity.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One value of a policy element, compiled for matching: literal text, optionally with the wildcards {@code *} (any
 * run of characters, also empty) and {@code ?} (exactly one character), and optionally with policy variables.
 *
 * <p>Policy variables ({@code ${aws:username}}, {@code ${s3:prefix}}, {@code ${key, 'default'}}) are replaced by the
 * request's single value for that context key at match time. The substituted text is always literal: a {@code *} in
 * a user name never acts as a wildcard. {@code ${*}}, {@code ${?}} and {@code ${$}} stand for the literal characters
 * {@code *}, {@code ?} and {@code $}. A variable whose key is absent from the request, or has more than one value,
 * and that has no default cannot be resolved: the value then matches nothing (AWS: "the statement may be invalid";
 * such a value never grants or denies by itself). Malformed variable syntax ({@code ${} without its closing brace,
 * an empty name) is kept as literal text.
 *
 * <p>With {@code ignoreCase} both sides compare after {@link Character#toLowerCase(char)} (action names are
 * case-insensitive; resources and most condition values are not). Immutable and thread-safe.
 */
final class Glob {

    /** One compiled piece of a pattern. */
    private sealed interface Part permits Text, Wild, Variable {}

    private record Text(String text) implements Part {}

    private enum Wild implements Part { STAR, ONE }

    /** {@code fallback} is null when the variable has no default. {@code key} is lower-case. */
    private record Variable(String key, String fallback) implements Part {}

    /** Fast paths for patterns without variables. */
    private enum Shape { ANY, EXACT, PREFIX, GENERAL }

    private final String source;
    private final boolean ignoreCase;
    private final Part[] parts;
    private final boolean hasVariables;
    private final boolean hasWildcards;
    // Resolved form, only when there are no variables.
    private final Shape shape;
    private final String literal;
    private final char[] chars;
    private final boolean[] wild;

    private Glob(String source, boolean ignoreCase, List<Part> parts) {
        this.source = source;
        this.ignoreCase = ignoreCase;
        this.parts = parts.toArray(Part[]::new);
        this.hasVariables = parts.stream().anyMatch(p -> p instanceof Variable);
        this.hasWildcards = parts.stream().anyMatch(p -> p instanceof Wild);
        if (hasVariables) {
            shape = Shape.GENERAL;
            literal = null;
            chars = null;
            wild = null;
            return;
        }
        Resolved resolved = resolve(Map.of());
        chars = resolved.chars;
        wild = resolved.wild;
        int stars = 0;
        int ones = 0;
        for (Part part : this.parts) {
            if (part == Wild.STAR) {
                stars++;
            } else if (part == Wild.ONE) {
                ones++;
            }
        }
        if (!hasWildcards) {
            shape = Shape.EXACT;
            literal = new String(chars);
        } else if (this.parts.length == 1 && stars == 1) {
            shape = Shape.ANY;
            literal = null;
        } else if (stars == 1 && ones == 0 && this.parts[this.parts.length - 1] == Wild.STAR) {
            shape = Shape.PREFIX;
            literal = new String(chars, 0, chars.length - 1);
        } else {
            shape = Shape.GENERAL;
            literal = null;
        }
    }

    /**
     * Compiles {@code source}. {@code wildcards}: whether {@code *} and {@code ?} are wildcards (StringLike, ArnLike,
     * actions, resources) or literal (StringEquals). {@code variables}: whether {@code ${...}} is substituted (only in
     * policies of version 2012-10-17, and only in Resource and in string and ARN conditions).
     */
    static Glob compile(String source, boolean wildcards, boolean variables, boolean ignoreCase) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (variables && c == '$' && i + 1 < n && source.charAt(i + 1) == '{') {
                int end = closingBrace(source, i + 2);
                Part variable = end < 0 ? null : parseVariable(source.substring(i + 2, end), ignoreCase);
                if (variable != null) {
                    if (variable instanceof Text(String literalText)) {
                        text.append(literalText);
                    } else {
                        flush(text, parts, ignoreCase);
                        parts.add(variable);
                    }
                    i = end + 1;
                    continue;
                }
            }
            if (wildcards && (c == '*' || c == '?')) {
                flush(text, parts, ignoreCase);
                Wild w = c == '*' ? Wild.STAR : Wild.ONE;
                // Consecutive stars are one star; keeps matching linear for patterns like "a**b".
                if (!(w == Wild.STAR && !parts.isEmpty() && parts.getLast() == Wild.STAR)) {
                    parts.add(w);
                }
            } else {
                text.append(c);
            }
            i++;
        }
        flush(text, parts, ignoreCase);
        return new Glob(source, ignoreCase, parts);
    }

    /** The text as written in the policy. */
    String source() {
        return source;
    }

    boolean hasVariables() {
        return hasVariables;
    }

    boolean hasWildcards() {
        return hasWildcards;
    }

    /** Whether {@code input} matches; variables resolve from {@code context} (lower-case keys). */
    boolean matches(String input, Map<String, List<String>> context) {
        switch (shape) {
            case ANY:
                return true;
            case EXACT:
                return ignoreCase ? equalsFolded(literal, input) : literal.equals(input);
            case PREFIX:
                return input.length() >= literal.length()
                        && (ignoreCase ? startsWithFolded(input, literal) : input.startsWith(literal));
            default:
                if (!hasVariables) {
                    return match(chars, wild, input);
                }
                Resolved resolved = resolve(context);
                return resolved != null && match(resolved.chars, resolved.wild, input);
        }
    }

    /**
     * Whether some value of the variables could make this pattern match {@code input} (with {@code prefixOnly}:
     * match some string that starts with {@code input}). Variables count as {@code *}. Used to check, when a policy
     * is put, that a resource pattern can reach the bucket at all; never on the request path.
     */
    boolean couldMatch(String input, boolean prefixOnly) {
        List<Integer> tokens = new ArrayList<>(); // a char, or STAR_TOKEN, or ONE_TOKEN
        for (Part part : parts) {
            switch (part) {
                case Text(String text) -> text.chars().forEach(tokens::add);
                case Wild w -> tokens.add(w == Wild.STAR ? STAR_TOKEN : ONE_TOKEN);
                case Variable v -> tokens.add(STAR_TOKEN);
            }
        }
        int m = tokens.size();
        boolean[] states = new boolean[m + 1];
        states[0] = true;
        skipStars(states, tokens);
        for (int k = 0; k < input.length(); k++) {
            char c = fold(input.charAt(k));
            boolean[] next = new boolean[m + 1];
            boolean any = false;
            for (int i = 0; i < m; i++) {
                if (!states[i]) {
                    continue;
                }
                int t = tokens.get(i);
                if (t == STAR_TOKEN) {
                    next[i] = true;
                    any = true;
                } else if (t == ONE_TOKEN || t == c) {
                    next[i + 1] = true;
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
            skipStars(next, tokens);
            states = next;
        }
        if (prefixOnly) {
            return true; // any remaining pattern can be met by a suitable rest of the string
        }
        return states[m];
    }

    private static final int STAR_TOKEN = -1;
    private static final int ONE_TOKEN = -2;

    /** A star may match nothing: every state before a star also stands after it. */
    private static void skipStars(boolean[] states, List<Integer> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (states[i] && tokens.get(i) == STAR_TOKEN) {
                states[i + 1] = true;
            }
        }
    }

    /** The pattern with every variable substituted, or null when one cannot be resolved. */
    private Resolved resolve(Map<String, List<String>> context) {
        int length = 0;
        String[] values = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            switch (parts[i]) {
                case Text(String text) -> length += text.length();
                case Wild w -> length++;
                case Variable(String key, String fallback) -> {
                    List<String> found = context.get(key);
                    String value = found != null && found.size() == 1 ? found.getFirst() : fallback;
                    if (value == null) {
                        return null;
                    }
                    values[i] = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
                    length += values[i].length();
                }
            }
        }
        char[] resolvedChars = new char[length];
        boolean[] resolvedWild = new boolean[length];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            switch (parts[i]) {
                case Text(String text) -> {
                    text.getChars(0, text.length(), resolvedChars, at);
                    at += text.length();
                }
                case Wild w -> {
                    resolvedWild[at] = true;
                    resolvedChars[at++] = w == Wild.STAR ? '*' : '?';
                }
                case Variable v -> {
                    values[i].getChars(0, values[i].length(), resolvedChars, at);
                    at += values[i].length();
                }
            }
        }
        return new Resolved(resolvedChars, resolvedWild);
    }

    private record Resolved(char[] chars, boolean[] wild) {}

    /**
     * Wildcard match with one star back-tracking point: linear for patterns with one star, O(n·m) at worst. Only
     * positions flagged in {@code wild} are wildcards, so escaped {@code ${*}} compares as a plain character.
     */
    private boolean match(char[] p, boolean[] w, String s) {
        int n = s.length();
        int m = p.length;
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = 0;
        while (si < n) {
            if (pi < m && w[pi]) {
                if (p[pi] == '*') {
                    starP = pi++;
                    starS = si;
                    continue;
                }
                si++;
                pi++;
                continue;
            }
            if (pi < m && p[pi] == fold(s.charAt(si))) {
                si++;
                pi++;
                continue;
            }
            if (starP < 0) {
                return false;
            }
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < m && w[pi] && p[pi] == '*') {
            pi++;
        }
        return pi == m;
    }

    private char fold(char c) {
        return ignoreCase ? Character.toLowerCase(c) : c;
    }

    private boolean equalsFolded(String lower, String input) {
        return lower.length() == input.length() && startsWithFolded(input, lower);
    }

    private static boolean startsWithFolded(String input, String lowerPrefix) {
        for (int i = 0; i < lowerPrefix.length(); i++) {
            if (Character.toLowerCase(input.charAt(i)) != lowerPrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder text, List<Part> parts, boolean ignoreCase) {
        if (!text.isEmpty()) {
            String t = text.toString();
            parts.add(new Text(ignoreCase ? t.toLowerCase(Locale.ROOT) : t));
            text.setLength(0);
        }
    }

    /** Index of the {@code }} closing a variable that starts at {@code from}, skipping quoted defaults; or -1. */
    private static int closingBrace(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** The part for the inside of {@code ${...}}, or null when it is not a well-formed variable. */
    private static Part parseVariable(String inside, boolean ignoreCase) {
        switch (inside) {
            case "*", "?", "$" -> {
                return new Text(inside);
            }
            default -> { }
        }
        int comma = inside.indexOf(',');
        String key = (comma < 0 ? inside : inside.substring(0, comma)).strip();
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        String fallback = null;
        if (comma >= 0) {
            fallback = unquote(inside.substring(comma + 1).strip());
            if (fallback == null) {
                return null;
            }
            if (ignoreCase) {
                fallback = fallback.toLowerCase(Locale.ROOT);
            }
        }
        return new Variable(key.toLowerCase(Locale.ROOT), fallback);
    }

    /** {@code 'text'} with {@code ''} standing for one quote; null when not quoted that way. */
    private static String unquote(String quoted) {
        if (quoted.length() < 2 || quoted.charAt(0) != '\'' || quoted.charAt(quoted.length() - 1) != '\'') {
            return null;
        }
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                if (i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return null;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
