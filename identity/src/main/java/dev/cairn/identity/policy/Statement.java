package dev.cairn.identity.policy;

import java.util.List;
import java.util.Map;

/**
 * One parsed statement. It applies to a request when its principal, action and resource elements match and all of
 * its conditions hold; a {@code Not...} element matches what its list does not.
 *
 * @param principals the {@code Principal} or {@code NotPrincipal} element, or null when the statement has neither
 *     (identity policies: the statement is about the principal the policy is attached to)
 * @param actions compiled case-insensitively; {@code notAction} tells whether they came from {@code NotAction}
 * @param resources compiled case-sensitively, with policy variables when the policy version allows them
 */
record Statement(String sid, Effect effect, Principals principals, boolean notPrincipal, List<Glob> actions,
        boolean notAction, List<Glob> resources, boolean notResource, List<Condition> conditions) {

    Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** Whether this statement applies to {@code request}; cheapest checks first. */
    boolean applies(Request request) {
        Map<String, List<String>> context = request.context();
        if (anyMatches(actions, request.action(), context) == notAction) {
            return false;
        }
        if (anyMatches(resources, request.resource(), context) == notResource) {
            return false;
        }
        if (principals != null && principals.matches(request) == notPrincipal) {
            return false;
        }
        for (Condition condition : conditions) {
            if (!condition.holds(context)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(List<Glob> patterns, String value, Map<String, List<String>> context) {
        for (Glob pattern : patterns) {
            if (pattern.matches(value, context)) {
                return true;
            }
        }
        return false;
    }
}
