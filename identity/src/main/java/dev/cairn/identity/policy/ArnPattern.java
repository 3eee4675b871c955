package dev.cairn.identity.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An {@code ArnEquals}/{@code ArnLike} value. AWS compares each of the six colon-separated components
 * ({@code arn:partition:service:region:account:resource}) separately, each with {@code *}/{@code ?} wildcards, so a
 * wildcard never spans a colon of the first five components; the resource component keeps any colons of its own.
 * A value with fewer than six components (such as a bare {@code *}) is matched against the whole ARN.
 */
record ArnPattern(Glob whole, List<Glob> components) {

    private static final int COMPONENTS = 6;

    static ArnPattern compile(String value, boolean variables) {
        String[] parts = value.split(":", COMPONENTS);
        if (parts.length < COMPONENTS) {
            return new ArnPattern(Glob.compile(value, true, variables, false), List.of());
        }
        return new ArnPattern(null, Arrays.stream(parts)
                .map(p -> Glob.compile(p, true, variables, false))
                .toList());
    }

    boolean matches(String arn, Map<String, List<String>> context) {
        if (whole != null) {
            return whole.matches(arn, context);
        }
        String[] parts = arn.split(":", COMPONENTS);
        if (parts.length < COMPONENTS) {
            return false;
        }
        for (int i = 0; i < COMPONENTS; i++) {
            if (!components.get(i).matches(parts[i], context)) {
                return false;
            }
        }
        return true;
    }
}
