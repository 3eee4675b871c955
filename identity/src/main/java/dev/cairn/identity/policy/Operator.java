package dev.cairn.identity.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * The base condition operators of the IAM policy language, without the {@code ...IfExists} suffix and the
 * {@code ForAnyValue:}/{@code ForAllValues:} prefixes (see {@link Condition}). Names are matched exactly, as AWS
 * spells them.
 *
 * <p>A negated operator ({@code StringNotEquals}, {@code NotIpAddress}, ...) is true when no policy value matches
 * (AWS: multiple values of a negated operator are combined with NOR), and true when the key is absent.
 */
enum Operator {
    STRING_EQUALS("StringEquals", Kind.STRING, Comparison.EQ, false),
    STRING_NOT_EQUALS("StringNotEquals", Kind.STRING, Comparison.EQ, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, Comparison.EQ, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, Comparison.EQ, true),
    STRING_LIKE("StringLike", Kind.STRING_LIKE, Comparison.EQ, false),
    STRING_NOT_LIKE("StringNotLike", Kind.STRING_LIKE, Comparison.EQ, true),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Comparison.EQ, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Kind.NUMERIC, Comparison.EQ, true),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Comparison.LT, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Comparison.LE, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Comparison.GT, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Comparison.GE, false),
    DATE_EQUALS("DateEquals", Kind.DATE, Comparison.EQ, false),
    DATE_NOT_EQUALS("DateNotEquals", Kind.DATE, Comparison.EQ, true),
    DATE_LESS_THAN("DateLessThan", Kind.DATE, Comparison.LT, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Kind.DATE, Comparison.LE, false),
    DATE_GREATER_THAN("DateGreaterThan", Kind.DATE, Comparison.GT, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Kind.DATE, Comparison.GE, false),
    BOOL("Bool", Kind.BOOL, Comparison.EQ, false),
    BINARY_EQUALS("BinaryEquals", Kind.BINARY, Comparison.EQ, false),
    IP_ADDRESS("IpAddress", Kind.IP, Comparison.EQ, false),
    NOT_IP_ADDRESS("NotIpAddress", Kind.IP, Comparison.EQ, true),
    ARN_EQUALS("ArnEquals", Kind.ARN, Comparison.EQ, false),
    ARN_LIKE("ArnLike", Kind.ARN, Comparison.EQ, false),
    ARN_NOT_EQUALS("ArnNotEquals", Kind.ARN, Comparison.EQ, true),
    ARN_NOT_LIKE("ArnNotLike", Kind.ARN, Comparison.EQ, true),
    NULL("Null", Kind.NULL, Comparison.EQ, false);

    /** How policy values are read and compared. */
    enum Kind {
        STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL;

        /** Policy variables are substituted only in string and ARN conditions (as AWS). */
        boolean takesVariables() {
            return this == STRING || this == STRING_IGNORE_CASE || this == STRING_LIKE || this == ARN;
        }
    }

    /** The request value compared to the policy value: {@code LT} means request value &lt; policy value. */
    enum Comparison { EQ, LT, LE, GT, GE }

    private static final Map<String, Operator> BY_NAME = new HashMap<>();

    static {
        for (Operator op : values()) {
            BY_NAME.put(op.json, op);
        }
    }

    private final String json;
    private final Kind kind;
    private final Comparison comparison;
    private final boolean negated;

    Operator(String json, Kind kind, Comparison comparison, boolean negated) {
        this.json = json;
        this.kind = kind;
        this.comparison = comparison;
        this.negated = negated;
    }

    /** The operator spelled {@code name} (without prefix or suffix), or null. */
    static Operator byName(String name) {
        return BY_NAME.get(name);
    }

    String json() {
        return json;
    }

    Kind kind() {
        return kind;
    }

    Comparison comparison() {
        return comparison;
    }

    boolean negated() {
        return negated;
    }
}
