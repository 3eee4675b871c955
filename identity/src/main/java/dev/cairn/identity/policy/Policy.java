package dev.cairn.identity.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A parsed AWS-style JSON policy (bucket policy or identity policy): immutable and thread-safe, so one parse serves
 * every request until the policy is replaced.
 *
 * <p>{@link #parse} checks the grammar shared by all policies; {@link #validateForBucket} adds what S3 requires of a
 * bucket policy and {@link #validateForIdentity} what IAM requires of an identity policy. The original text is kept
 * unchanged in {@link #json()}: {@code GetBucketPolicy} returns exactly what was put.
 *
 * <p>Version {@code 2012-10-17} enables policy variables ({@code ${aws:username}}); in {@code 2008-10-17}, which is
 * also what a document without {@code Version} gets, {@code ${...}} is literal text, as in AWS.
 */
public final class Policy {

    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";
    /** S3's limit on the size of a bucket policy, in bytes. */
    public static final int MAX_BUCKET_POLICY_BYTES = 20 * 1024;

    private final String json;
    private final String version;
    private final String id;
    private final List<Statement> statements;

    Policy(String json, String version, String id, List<Statement> statements) {
        this.json = json;
        this.version = version;
        this.id = id;
        this.statements = List.copyOf(statements);
    }

    /** Parses {@code json}; throws {@link PolicyException} with an S3-style message when it is not a policy. */
    public static Policy parse(String json) {
        return PolicyParser.parse(json);
    }

    /**
     * Parses and validates a bucket policy for {@code bucket} as {@code PutBucketPolicy} must: the size limit
     * first (so an oversized document is never parsed), then {@link #parse}, then {@link #validateForBucket}.
     */
    public static Policy parseBucketPolicy(String json, String bucket) {
        if (json != null && json.getBytes(StandardCharsets.UTF_8).length > MAX_BUCKET_POLICY_BYTES) {
            throw new PolicyException("Policy exceeds the maximum allowed document size.");
        }
        return parse(json).validateForBucket(bucket);
    }

    /**
     * Checks the rules S3 adds for a bucket policy of {@code bucket}: every statement has a {@code Principal} or
     * {@code NotPrincipal}; actions are S3 actions; every resource is an S3 ARN pattern that can match the bucket or
     * objects in it ({@code arn:aws:s3:::examplebucket/*}, also {@code arn:aws:s3:::*}; "Policy has invalid
     * resource" for another bucket or for {@code *}); each action applies to one of its statement's resources.
     * Returns this policy.
     */
    public Policy validateForBucket(String bucket) {
        BucketPolicyRules.validate(this, bucket);
        return this;
    }

    /** Checks the rule IAM adds for identity policies: no {@code Principal} or {@code NotPrincipal}. */
    public Policy validateForIdentity() {
        for (Statement s : statements) {
            if (s.principals() != null) {
                throw new PolicyException("Policy document should not specify a principal.");
            }
        }
        return this;
    }

    /**
     * Whether this bucket policy makes the bucket public, as S3's {@code GetBucketPolicyStatus} defines it: some
     * Allow statement grants to everyone ({@code *}) without a condition that pins the caller to fixed values
     * (source IP ranges, source ARN/account/VPC, a fixed {@code aws:userid}, ...).
     */
    public boolean isPublic() {
        return BucketPolicyRules.isPublic(this);
    }

    /**
     * Whether some condition tests a key starting with {@code prefix} (any case), e.g.
     * {@code s3:ExistingObjectTag/}: lets a caller skip gathering context no statement asks for.
     */
    public boolean usesConditionKeys(String prefix) {
        String p = prefix.toLowerCase(java.util.Locale.ROOT);
        for (Statement s : statements) {
            for (Condition c : s.conditions()) {
                if (c.key().startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The document exactly as it was given. */
    public String json() {
        return json;
    }

    /** {@link #VERSION_2012} or {@link #VERSION_2008} (also when the document had no Version). */
    public String version() {
        return version;
    }

    /** The optional {@code Id} element. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    List<Statement> statements() {
        return statements;
    }

    @Override
    public String toString() {
        return json;
    }
}
