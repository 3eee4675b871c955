package dev.cairn.identity.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy document into {@link Policy}, checking the grammar every policy shares (bucket-specific rules are
 * in {@link BucketPolicyRules}). Element names are case-sensitive, as in AWS; an unknown one is an error.
 */
final class PolicyParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Set<String> POLICY_FIELDS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_FIELDS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    /** {@code *} or {@code service:name}, the name with wildcards. */
    private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?-]+");

    static final String INVALID_ACTION = "Policy has invalid action";
    static final String INVALID_RESOURCE = "Policy has invalid resource";

    private PolicyParser() {
    }

    static Policy parse(String json) {
        if (json == null || json.isBlank()) {
            throw new PolicyException("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyException("This policy contains invalid Json", e);
        }
        if (root == null || !root.isObject()) {
            throw new PolicyException("Policies must be valid JSON and the first byte must be '{'");
        }
        unknownFields(root, POLICY_FIELDS);
        String version = Policy.VERSION_2008;
        JsonNode v = root.get("Version");
        if (v != null) {
            if (!v.isTextual() || !(v.textValue().equals(Policy.VERSION_2012)
                    || v.textValue().equals(Policy.VERSION_2008))) {
                throw new PolicyException("The policy must contain a valid version string");
            }
            version = v.textValue();
        }
        String id = optionalText(root, "Id");
        JsonNode statementNode = root.get("Statement");
        if (statementNode == null) {
            throw new PolicyException("Missing required field Statement");
        }
        List<JsonNode> statementNodes = new ArrayList<>();
        if (statementNode.isObject()) {
            statementNodes.add(statementNode);
        } else if (statementNode.isArray()) {
            statementNode.forEach(statementNodes::add);
        } else {
            throw new PolicyException("Statement must be an object or an array of objects");
        }
        if (statementNodes.isEmpty()) {
            throw new PolicyException("Could not parse the policy: Statement is empty!");
        }
        boolean variables = version.equals(Policy.VERSION_2012);
        List<Statement> statements = new ArrayList<>();
        for (JsonNode node : statementNodes) {
            statements.add(statement(node, variables));
        }
        return new Policy(json, version, id, statements);
    }

    private static Statement statement(JsonNode node, boolean variables) {
        if (!node.isObject()) {
            throw new PolicyException("Statement must be an object or an array of objects");
        }
        unknownFields(node, STATEMENT_FIELDS);
        String sid = optionalText(node, "Sid");
        JsonNode effectNode = node.get("Effect");
        if (effectNode == null) {
            throw new PolicyException("Missing required field Effect");
        }
        if (!effectNode.isTextual()) {
            throw new PolicyException("Invalid effect: " + effectNode);
        }
        Effect effect = Effect.parse(effectNode.textValue());

        JsonNode principal = exclusive(node, "Principal", "NotPrincipal", false);
        boolean notPrincipal = principal != null && node.has("NotPrincipal");
        Principals principals = principal == null ? null : Principals.parse(principal);
        if (notPrincipal && effect == Effect.ALLOW) {
            // AWS refuses NotPrincipal with Allow in resource policies (s3-tests expects the put to fail).
            throw new PolicyException(Principals.INVALID);
        }

        JsonNode actionNode = exclusive(node, "Action", "NotAction", true);
        boolean notAction = node.has("NotAction");
        List<Glob> actions = new ArrayList<>();
        for (String a : strings(actionNode, INVALID_ACTION)) {
            if (!ACTION.matcher(a).matches()) {
                throw new PolicyException(INVALID_ACTION);
            }
            actions.add(Glob.compile(a, true, false, true));
        }

        JsonNode resourceNode = exclusive(node, "Resource", "NotResource", true);
        boolean notResource = node.has("NotResource");
        List<Glob> resources = new ArrayList<>();
        for (String r : strings(resourceNode, INVALID_RESOURCE)) {
            if (!r.equals("*") && !(r.startsWith("arn:") && r.split(":", 6).length == 6)) {
                throw new PolicyException(INVALID_RESOURCE);
            }
            resources.add(Glob.compile(r, true, variables, false));
        }

        List<Condition> conditions = conditions(node.get("Condition"), variables);
        return new Statement(sid, effect, principals, notPrincipal, actions, notAction, resources, notResource,
                conditions);
    }

    private static List<Condition> conditions(JsonNode node, boolean variables) {
        if (node == null) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new PolicyException("Condition must be an object");
        }
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : node.properties()) {
            JsonNode keys = op.getValue();
            if (!keys.isObject() || keys.isEmpty()) {
                throw new PolicyException("Invalid Condition block for " + op.getKey());
            }
            for (Map.Entry<String, JsonNode> key : keys.properties()) {
                List<String> values = conditionValues(key.getValue(), op.getKey());
                out.add(Condition.parse(op.getKey(), key.getKey(), values, variables));
            }
        }
        return out;
    }

    /** A condition's values: strings, numbers or booleans, alone or in an array; kept as their text. */
    private static List<String> conditionValues(JsonNode node, String op) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                out.add(scalar(item, op));
            }
        } else {
            out.add(scalar(node, op));
        }
        return out;
    }

    private static String scalar(JsonNode node, String op) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        throw new PolicyException("Invalid Condition value for " + op + ": " + node);
    }

    /** The one of two mutually exclusive elements that is present; null when neither is and it is optional. */
    private static JsonNode exclusive(JsonNode node, String name, String notName, boolean required) {
        JsonNode plain = node.get(name);
        JsonNode not = node.get(notName);
        if (plain != null && not != null) {
            throw new PolicyException("Statement cannot contain both " + name + " and " + notName);
        }
        if (plain == null && not == null && required) {
            throw new PolicyException("Missing required field " + name);
        }
        return plain != null ? plain : not;
    }

    /** A string or a non-empty array of strings; otherwise {@code message}. */
    static List<String> strings(JsonNode node, String message) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new PolicyException(message);
                }
                out.add(item.textValue());
            }
        } else {
            throw new PolicyException(message);
        }
        return out;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new PolicyException(field + " must be a string");
        }
        return value.textValue();
    }

    private static void unknownFields(JsonNode node, Set<String> known) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!known.contains(field.getKey())) {
                throw new PolicyException("Unknown field " + field.getKey());
            }
        }
    }
}
