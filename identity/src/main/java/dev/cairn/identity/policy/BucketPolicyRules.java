package dev.cairn.identity.policy;

import dev.cairn.identity.policy.S3Actions.ResourceType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What S3 requires of a bucket policy beyond the shared grammar, and what makes one public. */
final class BucketPolicyRules {

    private static final String S3_ARN = "arn:aws:s3:::";

    /**
     * Condition keys that, pinned to fixed values by a positive operator, make a grant to everyone non-public (S3's
     * "The meaning of public"). {@code aws:SourceIp} counts only with CIDRs narrower than {@code /0}.
     */
    private static final Set<String> PINNING_KEYS = Set.of("aws:sourcearn", "aws:sourcevpc", "aws:sourcevpce",
            "aws:sourceowner", "aws:sourceaccount", "s3:x-amz-server-side-encryption-aws-kms-key-id",
            "aws:userid", "aws:principalarn", "aws:principalaccount");

    private BucketPolicyRules() {
    }

    static void validate(Policy policy, String bucket) {
        for (Statement s : policy.statements()) {
            if (s.principals() == null) {
                throw new PolicyException("Missing required field Principal");
            }
            for (Glob action : s.actions()) {
                if (knownActions(action).isEmpty()) {
                    throw new PolicyException(PolicyParser.INVALID_ACTION);
                }
            }
            for (Glob resource : s.resources()) {
                resourceTypes(resource, bucket);
            }
            if (!s.notAction() && !s.notResource()) {
                for (Glob action : s.actions()) {
                    if (!appliesToAny(action, s.resources(), bucket)) {
                        throw new PolicyException("Action does not apply to any resource(s) in statement");
                    }
                }
            }
        }
    }

    /** The known S3 actions {@code pattern} matches ({@code *} and {@code s3:*} match all). */
    private static List<ResourceType> knownActions(Glob pattern) {
        return S3Actions.all().entrySet().stream()
                .filter(e -> pattern.matches(e.getKey(), Map.of()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static boolean appliesToAny(Glob action, List<Glob> resources, String bucket) {
        List<ResourceType> types = knownActions(action);
        for (Glob resource : resources) {
            Set<ResourceType> reached = resourceTypes(resource, bucket);
            if (types.stream().anyMatch(reached::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a resource pattern can reach in {@code bucket}: the bucket ({@code arn:aws:s3:::bucket}), its objects
     * ({@code arn:aws:s3:::bucket/...}), or both (as {@code arn:aws:s3:::*} does, which s3-tests expects S3 to
     * accept). A pattern that reaches neither, or that is not an S3 ARN ({@code *} included), is an invalid resource.
     */
    private static Set<ResourceType> resourceTypes(Glob resource, String bucket) {
        if (!resource.source().startsWith(S3_ARN)) {
            throw new PolicyException(PolicyParser.INVALID_RESOURCE);
        }
        String bucketArn = S3_ARN + bucket;
        boolean bucketLevel = resource.couldMatch(bucketArn, false);
        boolean objectLevel = resource.couldMatch(bucketArn + "/", true);
        if (bucketLevel && objectLevel) {
            return EnumSet.of(ResourceType.BUCKET, ResourceType.OBJECT);
        }
        if (bucketLevel) {
            return EnumSet.of(ResourceType.BUCKET);
        }
        if (objectLevel) {
            return EnumSet.of(ResourceType.OBJECT);
        }
        throw new PolicyException(PolicyParser.INVALID_RESOURCE);
    }

    static boolean isPublic(Policy policy) {
        for (Statement s : policy.statements()) {
            if (s.effect() != Effect.ALLOW || s.principals() == null) {
                continue;
            }
            boolean everyone = s.notPrincipal() || s.principals().everyone();
            if (everyone && s.conditions().stream().noneMatch(BucketPolicyRules::pinsCaller)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code c} limits the statement to fixed callers, so that it is no grant to the public. */
    private static boolean pinsCaller(Condition c) {
        if (c.operator().negated() || c.ifExists() || c.qualifier() == Condition.Qualifier.FOR_ALL_VALUES) {
            return false;
        }
        if (c.key().equals("aws:sourceip")) {
            return c.values() instanceof ConditionValues.Networks(List<IpNetwork> networks)
                    && networks.stream().allMatch(n -> n.prefixLength() > 0);
        }
        if (!PINNING_KEYS.contains(c.key())) {
            return false;
        }
        return switch (c.values()) {
            case ConditionValues.Strings(List<Glob> globs) -> globs.stream().noneMatch(BucketPolicyRules::isOpen);
            case ConditionValues.Arns(List<ArnPattern> patterns) -> patterns.stream().noneMatch(p -> p.whole() != null
                    ? isOpen(p.whole())
                    : p.components().stream().anyMatch(BucketPolicyRules::isOpen));
            default -> false;
        };
    }

    /** A value that is no fixed value: one with a wildcard (so also {@code AROLEID:*}) or a variable. */
    private static boolean isOpen(Glob glob) {
        return glob.hasWildcards() || glob.hasVariables();
    }
}
