package dev.cairn.identity.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A statement's {@code Principal} (or {@code NotPrincipal}) and how Cairn's principals map onto it.
 *
 * <p>A Cairn request comes from a principal id, the owner id of the access key that signed it (see
 * {@link Request}), or from nobody (anonymous). The mapping:
 * <ul>
 *   <li>{@code "*"} and {@code {"AWS": "*"}} match every request, anonymous ones included;
 *   <li>{@code {"AWS": "<id>"}} (no ARN) and {@code {"CanonicalUser": "<id>"}} match the principal whose id is
 *       {@code <id>};
 *   <li>{@code arn:<partition>:iam::<account>:user/<path/><name>} matches the principal whose id is {@code <name>},
 *       whatever the account (a Cairn deployment is one namespace of users);
 *   <li>{@code arn:<partition>:iam::<account>:root} matches the root user, and a principal whose id is
 *       {@code <account>} (each Cairn user owns its buckets the way an AWS account does, so tests that name the
 *       other user's "account" work);
 *   <li>roles, assumed-role sessions, {@code Service} and {@code Federated} principals are accepted in a policy but
 *       match no request yet (Cairn has no roles or service principals).
 * </ul>
 * Principals never contain wildcards other than the whole value {@code *}; anything else is refused with
 * "Invalid principal in policy", as S3 does.
 */
record Principals(boolean everyone, Set<String> ids, Set<String> userNames, Set<String> accounts,
        List<String> unmatched) {

    static final String INVALID = "Invalid principal in policy";

    /** Whether the principal of {@code request} is one of these. */
    boolean matches(Request request) {
        if (everyone) {
            return true;
        }
        String id = request.principalId();
        if (id == null) {
            return false;
        }
        if (request.root() && !accounts.isEmpty()) {
            return true;
        }
        return ids.contains(id) || userNames.contains(id) || accounts.contains(id);
    }

    static Principals parse(JsonNode node) {
        if (node.isTextual()) {
            if ("*".equals(node.textValue())) {
                return new Principals(true, Set.of(), Set.of(), Set.of(), List.of());
            }
            throw new PolicyException(INVALID);
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new PolicyException(INVALID);
        }
        boolean everyone = false;
        List<String> ids = new ArrayList<>();
        List<String> userNames = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (var field : node.properties()) {
            List<String> values = PolicyParser.strings(field.getValue(), INVALID);
            switch (field.getKey()) {
                case "AWS" -> {
                    for (String v : values) {
                        if (v.equals("*")) {
                            everyone = true;
                        } else if (v.startsWith("arn:")) {
                            awsArn(v, userNames, accounts, unmatched);
                        } else {
                            ids.add(plain(v));
                        }
                    }
                }
                case "CanonicalUser" -> values.forEach(v -> ids.add(plain(v)));
                case "Service", "Federated" -> values.forEach(v -> unmatched.add(plain(v)));
                default -> throw new PolicyException(INVALID);
            }
        }
        return new Principals(everyone, Set.copyOf(ids), Set.copyOf(userNames), Set.copyOf(accounts),
                List.copyOf(unmatched));
    }

    private static void awsArn(String arn, List<String> userNames, List<String> accounts, List<String> unmatched) {
        plain(arn);
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || parts[1].isEmpty() || !parts[3].isEmpty() || parts[5].isEmpty()) {
            throw new PolicyException(INVALID);
        }
        String service = parts[2];
        String account = parts[4];
        String resource = parts[5];
        if (service.equals("iam")) {
            if (resource.equals("root")) {
                if (account.isEmpty()) {
                    throw new PolicyException(INVALID);
                }
                accounts.add(account);
                return;
            }
            if (resource.startsWith("user/")) {
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                if (name.isEmpty()) {
                    throw new PolicyException(INVALID);
                }
                userNames.add(name);
                return;
            }
            if (resource.startsWith("role/")) {
                unmatched.add(arn);
                return;
            }
        } else if (service.equals("sts") && resource.startsWith("assumed-role/")) {
            unmatched.add(arn);
            return;
        }
        throw new PolicyException(INVALID);
    }

    /** A principal value without wildcards or blanks. */
    private static String plain(String v) {
        if (v.isEmpty() || v.indexOf('*') >= 0 || v.indexOf('?') >= 0
                || v.chars().anyMatch(Character::isWhitespace)) {
            throw new PolicyException(INVALID);
        }
        return v;
    }
}
