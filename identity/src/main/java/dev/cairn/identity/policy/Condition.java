package dev.cairn.identity.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One (operator, key, values) triple of a statement's {@code Condition} block. A statement applies only when all of
 * its conditions hold (operators and keys are AND'ed; the values of one key are OR'ed, NOR'ed for negated operators).
 *
 * <p>Rules for a key absent from the request (or present with no values), after AWS:
 * <ul>
 *   <li>plain operator: false; negated operator ({@code StringNotEquals}, {@code NotIpAddress}, ...): true;
 *   <li>{@code ...IfExists}: true;
 *   <li>{@code ForAnyValue:}: false (true with {@code IfExists}); {@code ForAllValues:}: true;
 *   <li>{@code Null}: tests exactly this: {@code "true"} holds when the key is absent, {@code "false"} when present.
 * </ul>
 * With a present key: a plain operator holds when any request value matches (negated: when none does);
 * {@code ForAnyValue:} when at least one request value satisfies the operator; {@code ForAllValues:} when every
 * request value does, where for a negated operator a value satisfies it when it matches no policy value.
 *
 * @param key the context key, lower-case (AWS compares key names case-insensitively)
 */
record Condition(Qualifier qualifier, Operator operator, boolean ifExists, String key, ConditionValues values) {

    /** The set operator prefix, if any. */
    enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    private static final String FOR_ANY = "ForAnyValue:";
    private static final String FOR_ALL = "ForAllValues:";
    private static final String IF_EXISTS = "IfExists";

    /** Parses one operator name with its prefix and suffix, one key, and its raw values. */
    static Condition parse(String operatorName, String key, List<String> raw, boolean variables) {
        String name = operatorName;
        Qualifier qualifier = Qualifier.NONE;
        if (name.startsWith(FOR_ANY)) {
            qualifier = Qualifier.FOR_ANY_VALUE;
            name = name.substring(FOR_ANY.length());
        } else if (name.startsWith(FOR_ALL)) {
            qualifier = Qualifier.FOR_ALL_VALUES;
            name = name.substring(FOR_ALL.length());
        }
        boolean ifExists = false;
        Operator op = Operator.byName(name);
        if (op == null && name.endsWith(IF_EXISTS)) {
            ifExists = true;
            op = Operator.byName(name.substring(0, name.length() - IF_EXISTS.length()));
        }
        if (op == null || op == Operator.NULL && (ifExists || qualifier != Qualifier.NONE)) {
            throw new PolicyException("Invalid Condition type : " + operatorName);
        }
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            throw new PolicyException("Policy has an invalid condition key");
        }
        if (raw.isEmpty()) {
            throw new PolicyException("Invalid Condition value for " + operatorName + ": empty list");
        }
        boolean substitute = variables && op.kind().takesVariables();
        return new Condition(qualifier, op, ifExists, key.toLowerCase(Locale.ROOT),
                ConditionValues.parse(op, raw, substitute));
    }

    /** Whether this condition holds for a request whose context is {@code context} (lower-case keys). */
    boolean holds(Map<String, List<String>> context) {
        List<String> actual = context.get(key);
        boolean present = actual != null && !actual.isEmpty();
        if (values instanceof ConditionValues.Nulls nulls) {
            return nulls.test(present);
        }
        boolean negated = operator.negated();
        return switch (qualifier) {
            case NONE -> {
                if (!present) {
                    yield ifExists || negated;
                }
                boolean any = anyMatches(actual, context);
                yield negated != any;
            }
            case FOR_ANY_VALUE -> {
                if (!present) {
                    yield ifExists;
                }
                for (String value : actual) {
                    if (negated != values.matches(value, context)) {
                        yield true;
                    }
                }
                yield false;
            }
            case FOR_ALL_VALUES -> {
                if (!present) {
                    yield true;
                }
                for (String value : actual) {
                    if (negated == values.matches(value, context)) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }

    private boolean anyMatches(List<String> actual, Map<String, List<String>> context) {
        for (String value : actual) {
            if (values.matches(value, context)) {
                return true;
            }
        }
        return false;
    }

    /** The operator as written, for messages and tests. */
    String operatorName() {
        return (qualifier == Qualifier.FOR_ANY_VALUE ? FOR_ANY : qualifier == Qualifier.FOR_ALL_VALUES ? FOR_ALL : "")
                + operator.json() + (ifExists ? IF_EXISTS : "");
    }
}
