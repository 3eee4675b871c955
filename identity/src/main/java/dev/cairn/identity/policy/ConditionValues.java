package dev.cairn.identity.policy;

import dev.cairn.identity.policy.Operator.Comparison;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy values of one condition key, parsed once for the operator's kind. {@link #matches} answers, for one
 * request value, whether any policy value matches it (values are OR'ed); {@link Condition} applies negation, the
 * set operators and the absent-key rules on top.
 *
 * <p>Request values that cannot be read as the operator's type (a non-number for {@code NumericEquals}, a host name
 * for {@code IpAddress}) match no policy value. Policy values that cannot be read fail the parse instead.
 */
sealed interface ConditionValues {

    /** Whether any policy value matches {@code requestValue}; {@code context} resolves policy variables. */
    boolean matches(String requestValue, Map<String, List<String>> context);

    /** Parses the raw policy values (already strings) for {@code op}. */
    static ConditionValues parse(Operator op, List<String> raw, boolean variables) {
        String name = op.json();
        return switch (op.kind()) {
            case STRING -> new Strings(globs(raw, false, variables, false));
            case STRING_IGNORE_CASE -> new Strings(globs(raw, false, variables, true));
            case STRING_LIKE -> new Strings(globs(raw, true, variables, false));
            case ARN -> new Arns(raw.stream().map(v -> ArnPattern.compile(v, variables)).toList());
            case NUMERIC -> new Numbers(raw.stream().map(v -> number(v, name)).toArray(BigDecimal[]::new),
                    op.comparison());
            case DATE -> new Dates(raw.stream().mapToLong(v -> date(v, name)).toArray(), op.comparison());
            case BOOL -> new Bools(raw.stream().map(v -> bool(v, name)).toList());
            case BINARY -> new Binaries(raw.stream().map(v -> binary(v, name)).toList());
            case IP -> new Networks(raw.stream().map(v -> network(v, name)).toList());
            case NULL -> new Nulls(raw.stream().map(v -> bool(v, name)).toList());
        };
    }

    /** String operators; the globs carry literal-vs-wildcard and case rules. */
    record Strings(List<Glob> globs) implements ConditionValues {
        @Override
        public boolean matches(String requestValue, Map<String, List<String>> context) {
            for (Glob glob : globs) {
                if (glob.matches(requestValue, context)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** ArnEquals/ArnLike: the six colon-separated ARN components compared one by one, each with wildcards. */
    record Arns(List<ArnPattern> patterns) implements ConditionValues {
        @Override
        public boolean matches(String requestValue, Map<String, List<String>> context) {
            for (ArnPattern pattern : patterns) {
                if (pattern.matches(requestValue, context)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Numeric operators; numbers compare by value ({@code 10} equals {@code 10.0}). */
    record Numbers(BigDecimal[] values, Comparison comparison) implements ConditionValues {
        @Override
        public boolean matches(String requestValue, Map<String, List<String>> context) {
            BigDecimal actual = parseNumber(requestValue);
            if (actual == null) {
                return false;
            }
            for (BigDecimal expected : values) {
                if (compare(actual.compareTo(expected), comparison)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Date operators on epoch milliseconds. */
    record Dates(long[] millis, Comparison comparison) implements ConditionValues {
        @Override
        public boolean matches(String requestValue, Map<String, List<String>> context) {
            Long actual = PolicyDates.parseMillis(requestValue);
            if (actual == null) {
                return false;
            }
            for (long expected : millis) {
                if (compare(Long.compare(actual, expected), comparison)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code Bool}: {@code true}/{@code false}, case-insensitive on both sides. */
    record Bools(List<Boolean> values) implements ConditionValues {
        @Override
        public boolean matches(String requestValue, Map<String, List<String>> context) {
            Boolean actual = parseBool(requestValue);
            return actual != null && values.contains(actual);
        }
    }

    /** {@code BinaryEquals}: base64 on both sides, compared as bytes. */
    record Binaries(List<byte[]> values) implements ConditionValues {
        @Override
        public boolean matches(String requestValue, Map<String, List<String>> context) {
            byte[] actual;
            try {
                actual = Base64.getDecoder().decode(requestValue.strip());
            } catch (IllegalArgumentException e) {
                return false;
            }
            for (byte[] expected : values) {
                if (Arrays.equals(actual, expected)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code IpAddress}/{@code NotIpAddress}. */
    record Networks(List<IpNetwork> networks) implements ConditionValues {
        @Override
        public boolean matches(String requestValue, Map<String, List<String>> context) {
            byte[] address = IpNetwork.parseAddress(requestValue.strip());
            for (IpNetwork network : networks) {
                if (network.contains(address)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * {@code Null}: each policy value says whether the key must be absent ({@code true}) or present
     * ({@code false}); {@link Condition} evaluates it on presence, never on a request value.
     */
    record Nulls(List<Boolean> absent) implements ConditionValues {
        @Override
        public boolean matches(String requestValue, Map<String, List<String>> context) {
            return absent.contains(false);
        }

        boolean test(boolean present) {
            return absent.contains(!present);
        }
    }

    private static boolean compare(int cmp, Comparison comparison) {
        return switch (comparison) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }

    private static List<Glob> globs(List<String> raw, boolean wildcards, boolean variables, boolean ignoreCase) {
        List<Glob> out = new ArrayList<>(raw.size());
        for (String v : raw) {
            out.add(Glob.compile(v, wildcards, variables, ignoreCase));
        }
        return List.copyOf(out);
    }

    private static BigDecimal parseNumber(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean parseBool(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static BigDecimal number(String v, String op) {
        BigDecimal n = parseNumber(v);
        if (n == null) {
            throw invalidValue(op, v);
        }
        return n;
    }

    private static long date(String v, String op) {
        Long millis = PolicyDates.parseMillis(v);
        if (millis == null) {
            throw invalidValue(op, v);
        }
        return millis;
    }

    private static boolean bool(String v, String op) {
        Boolean b = parseBool(v);
        if (b == null) {
            throw invalidValue(op, v);
        }
        return b;
    }

    private static byte[] binary(String v, String op) {
        try {
            return Base64.getDecoder().decode(v.strip());
        } catch (IllegalArgumentException e) {
            throw invalidValue(op, v);
        }
    }

    private static IpNetwork network(String v, String op) {
        IpNetwork n = IpNetwork.parse(v);
        if (n == null) {
            throw invalidValue(op, v);
        }
        return n;
    }

    private static PolicyException invalidValue(String op, String value) {
        return new PolicyException("Invalid Condition value for " + op + ": " + value);
    }
}
