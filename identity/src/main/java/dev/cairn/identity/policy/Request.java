package dev.cairn.identity.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the evaluator knows of one request: who, what, on which resource, and the condition context.
 *
 * @param principalId who signed the request: the owner id of the access key ({@code Credentials.owner()}), or null
 *     for an anonymous request. Policies name it as described in {@link Principals}.
 * @param root whether the request was signed with the deployment's root credentials
 * @param action the policy action, e.g. {@code s3:GetObject}; matched case-insensitively
 * @param resource the resource ARN, {@code arn:aws:s3:::bucket} or {@code arn:aws:s3:::bucket/key}, or {@code *}
 *     for actions on no resource ({@code s3:ListAllMyBuckets}); matched case-sensitively
 * @param context condition keys and their values, keys lower-cased here (AWS compares key names
 *     case-insensitively; values are compared as each operator says). The caller fills in what the request carries
 *     ({@code aws:SourceIp}, {@code aws:SecureTransport}, {@code aws:CurrentTime}, {@code s3:prefix}, ...); the keys
 *     that follow from the principal are always set here, replacing any given: {@code aws:userid} (the principal
 *     id, {@code anonymous} for anonymous requests), {@code aws:username} (the principal id, for non-root
 *     principals only) and {@code aws:PrincipalType} ({@code User}, {@code Account} for root, {@code Anonymous}).
 */
public record Request(String principalId, boolean root, String action, String resource,
        Map<String, List<String>> context) {

    public Request {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(context, "context");
        if (root && principalId == null) {
            throw new IllegalArgumentException("a root request has a principal id");
        }
        context = normalize(context, principalId, root);
    }

    /** Whether nobody signed the request. */
    public boolean anonymous() {
        return principalId == null;
    }

    /** The values of a context key (any case), empty when absent. */
    public List<String> values(String key) {
        return context.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }

    /** A builder for the request of {@code principalId} (null: anonymous). */
    public static Builder builder(String principalId, boolean root, String action, String resource) {
        return new Builder(principalId, root, action, resource);
    }

    private static Map<String, List<String>> normalize(Map<String, List<String>> given, String principalId,
            boolean root) {
        Map<String, List<String>> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            List<String> values = List.copyOf(e.getValue());
            out.merge(key, values, (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
        }
        out.remove("aws:username");
        if (principalId == null) {
            out.put("aws:userid", List.of("anonymous"));
            out.put("aws:principaltype", List.of("Anonymous"));
        } else {
            out.put("aws:userid", List.of(principalId));
            out.put("aws:principaltype", List.of(root ? "Account" : "User"));
            if (!root) {
                out.put("aws:username", List.of(principalId));
            }
        }
        return Map.copyOf(out);
    }

    /** Collects context keys; the S3 layer uses it to describe a request. Not thread-safe; build once. */
    public static final class Builder {

        private final String principalId;
        private final boolean root;
        private final String action;
        private final String resource;
        private final Map<String, List<String>> context = new HashMap<>();

        private Builder(String principalId, boolean root, String action, String resource) {
            this.principalId = principalId;
            this.root = root;
            this.action = action;
            this.resource = resource;
        }

        /** Sets {@code key} to {@code values}, replacing earlier values. */
        public Builder put(String key, String... values) {
            context.put(key.toLowerCase(Locale.ROOT), List.of(values));
            return this;
        }

        /** Sets {@code key} to {@code values}, replacing earlier values. */
        public Builder put(String key, List<String> values) {
            context.put(key.toLowerCase(Locale.ROOT), List.copyOf(values));
            return this;
        }

        /** {@code aws:SourceIp}: the client's address, as text. */
        public Builder sourceIp(String address) {
            return put("aws:SourceIp", address);
        }

        /** {@code aws:SecureTransport}: whether the request came over TLS. */
        public Builder secureTransport(boolean tls) {
            return put("aws:SecureTransport", Boolean.toString(tls));
        }

        /** {@code aws:CurrentTime} (ISO 8601 to the second) and {@code aws:EpochTime} from one clock read. */
        public Builder time(Instant now) {
            put("aws:CurrentTime", PolicyDates.format(now));
            return put("aws:EpochTime", Long.toString(now.getEpochSecond()));
        }

        public Request build() {
            return new Request(principalId, root, action, resource, context);
        }
    }
}
