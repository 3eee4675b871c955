package dev.cairn.storage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The policy document of a browser form upload: an expiration and conditions every form field must meet
 * ({@code {"field": "value"}} and {@code ["eq", "$field", "value"]} exact, {@code ["starts-with", "$field",
 * "prefix"]}, {@code ["content-length-range", min, max]}). Every field the form sends, except the signature
 * fields, {@code file}, {@code policy} and {@code x-ignore-*}, must be named by a condition.
 */
final class PostPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EXEMPT = Set.of("file", "policy", "x-amz-signature", "signature",
            "awsaccesskeyid", "x-amz-security-token");

    private record Condition(String op, String field, String value) {
    }

    private final Instant expiration;
    private final List<Condition> conditions;
    private final long minLength;
    private final long maxLength;

    private PostPolicy(Instant expiration, List<Condition> conditions, long minLength, long maxLength) {
        this.expiration = expiration;
        this.conditions = conditions;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /**
     * Reads the form's base64 policy. A document that is not one (not JSON, no {@code expiration} date, no
     * {@code conditions} list, a condition of the wrong shape) is InvalidPolicyDocument (400), as S3 answers; a form
     * that breaks a well-formed policy is AccessDenied ({@link #check}).
     */
    static PostPolicy parse(String base64) {
        JsonNode root;
        try {
            root = JSON.readTree(Base64.getDecoder().decode(base64.trim()));
        } catch (Exception e) {
            throw invalid("Invalid Policy: Invalid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw invalid("Invalid Policy: Invalid JSON.");
        }
        Instant expiration;
        try {
            expiration = Instant.parse(root.path("expiration").asText());
        } catch (DateTimeParseException e) {
            throw invalid("Invalid Policy: Invalid 'expiration' value: '" + root.path("expiration").asText() + "'");
        }
        JsonNode list = root.path("conditions");
        if (!list.isArray()) {
            throw invalid("Invalid Policy: Policy missing condition list.");
        }
        List<Condition> conditions = new ArrayList<>();
        long[] range = {0, Long.MAX_VALUE};
        for (JsonNode c : list) {
            if (c.isObject()) {
                if (c.size() != 1) {
                    throw invalid("Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one"
                            + " property specified.");
                }
                c.fields().forEachRemaining(e -> conditions.add(new Condition("eq", e.getKey().toLowerCase(Locale.ROOT),
                        e.getValue().asText())));
            } else if (c.isArray() && c.size() > 0) {
                arrayCondition(c, conditions, range);
            } else {
                throw invalid("Invalid Policy: Invalid Condition.");
            }
        }
        return new PostPolicy(expiration, conditions, range[0], range[1]);
    }

    /** {@code ["eq"|"starts-with", "$field", value]} or {@code ["content-length-range", min, max]}. */
    private static void arrayCondition(JsonNode c, List<Condition> conditions, long[] range) {
        String op = c.get(0).asText().toLowerCase(Locale.ROOT);
        if (c.size() != 3) {
            throw invalid("Invalid Policy: Invalid '" + op + "' condition: it needs exactly 3 elements.");
        }
        if (op.equals("content-length-range")) {
            if (!c.get(1).canConvertToLong() || !c.get(2).canConvertToLong()) {
                throw invalid("Invalid Policy: Invalid content-length-range: the bounds must be numbers.");
            }
            range[0] = c.get(1).asLong();
            range[1] = c.get(2).asLong();
        } else if (op.equals("eq") || op.equals("starts-with")) {
            String field = c.get(1).asText();
            if (!field.startsWith("$")) {
                throw invalid("Invalid Policy: Invalid Condition: field name must start with $");
            }
            conditions.add(new Condition(op, field.substring(1).toLowerCase(Locale.ROOT), c.get(2).asText()));
        } else {
            throw invalid("Invalid Policy: Invalid Condition: unknown operation " + op);
        }
    }

    /** Checks the expiration and every condition against the form's fields (names lower case). */
    void check(Map<String, String> fields, Instant now) {
        if (now.isAfter(expiration)) {
            throw denied("Invalid according to Policy: Policy expired.");
        }
        Set<String> covered = new HashSet<>();
        for (Condition c : conditions) {
            String actual = fields.get(c.field());
            boolean ok = actual != null && (c.op().equals("eq") ? actual.equals(c.value())
                    : actual.startsWith(c.value()));
            if (!ok && !(c.op().equals("starts-with") && c.value().isEmpty() && actual == null)) {
                throw denied("Invalid according to Policy: Policy Condition failed: [\"" + c.op() + "\", \"$"
                        + c.field() + "\", \"" + c.value() + "\"]");
            }
            covered.add(c.field());
        }
        for (String f : fields.keySet()) {
            if (!covered.contains(f) && !EXEMPT.contains(f) && !f.startsWith("x-ignore-")) {
                throw denied("Invalid according to Policy: Extra input fields: " + f);
            }
        }
    }

    /** content-length-range: the size the uploaded file must have. */
    void checkLength(long size) {
        if (size < minLength) {
            throw new S3Exception(S3Error.ENTITY_TOO_SMALL, "Your proposed upload is smaller than the minimum allowed size");
        }
        if (size > maxLength) {
            throw new S3Exception(S3Error.ENTITY_TOO_LARGE, "Your proposed upload exceeds the maximum allowed size");
        }
    }

    static S3Exception denied(String message) {
        return new S3Exception(S3Error.ACCESS_DENIED, message);
    }

    private static S3Exception invalid(String message) {
        return new S3Exception(S3Error.INVALID_POLICY_DOCUMENT, message);
    }

}
