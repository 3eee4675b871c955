package dev.cairn.identity.policy;

import static dev.cairn.identity.policy.Decision.ALLOW;
import static dev.cairn.identity.policy.Decision.DENY;
import static dev.cairn.identity.policy.Decision.NOT_APPLICABLE;
import static dev.cairn.identity.policy.Policies.BUCKET;
import static dev.cairn.identity.policy.Policies.BUCKET_ARN;
import static dev.cairn.identity.policy.Policies.EVALUATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a bucket policy, identity policies, bucket ownership and the root user combine
 * ({@link PolicyEvaluator#authorize}). The bucket is owned by "owner".
 */
class AuthorizeTest {

    private static final String OWNER = "owner";

    /** Allows everyone to read, denies everyone deletes and everything under secret/. */
    private static final Policy BUCKET_POLICY = Policy.parseBucketPolicy("""
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::examplebucket/*"},
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:user/writer"},"Action":"s3:PutObject",
              "Resource":"arn:aws:s3:::examplebucket/*"},
             {"Effect":"Deny","Principal":"*","Action":["s3:DeleteObject","s3:GetObject"],
              "Resource":"arn:aws:s3:::examplebucket/secret/*"},
             {"Effect":"Deny","Principal":"*","Action":["s3:PutBucketPolicy","s3:DeleteBucketPolicy",
              "s3:GetBucketPolicy","s3:DeleteBucket"],"Resource":"arn:aws:s3:::examplebucket"}]}""", BUCKET);

    /** An identity policy granting list and denying puts of *.exe. */
    private static final Policy IDENTITY = Policy.parse("""
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::examplebucket"},
             {"Effect":"Deny","Action":"s3:PutObject","Resource":"arn:aws:s3:::*.exe"}]}""").validateForIdentity();

    private static Arguments c(String name, String principal, boolean root, String action, String key,
            Policy bucketPolicy, List<Policy> identity, Decision expected) {
        String resource = key == null ? BUCKET_ARN : BUCKET_ARN + "/" + key;
        return arguments(name, new Request(principal, root, action, resource, Map.of()), bucketPolicy, identity,
                expected);
    }

    static Stream<Arguments> cases() {
        List<Policy> none = List.of();
        List<Policy> identity = List.of(IDENTITY);
        return Stream.of(
                c("root bypasses an explicit deny", "admin", true, "s3:GetObject", "secret/x", BUCKET_POLICY, none,
                        ALLOW),
                c("root bypasses an identity deny", "admin", true, "s3:PutObject", "a.exe", null, identity, ALLOW),
                c("owner without any policy", OWNER, false, "s3:PutObject", "a", null, none, ALLOW),
                c("owner is denied by its bucket policy", OWNER, false, "s3:GetObject", "secret/x", BUCKET_POLICY,
                        none, DENY),
                c("owner is denied deleting the bucket by its policy", OWNER, false, "s3:DeleteBucket", null,
                        BUCKET_POLICY, none, DENY),
                c("owner may always read the policy", OWNER, false, "s3:GetBucketPolicy", null, BUCKET_POLICY, none,
                        ALLOW),
                c("owner may always replace the policy", OWNER, false, "s3:PutBucketPolicy", null, BUCKET_POLICY,
                        none, ALLOW),
                c("owner may always delete the policy", OWNER, false, "s3:DeleteBucketPolicy", null, BUCKET_POLICY,
                        none, ALLOW),
                c("owner's identity deny still holds", OWNER, false, "s3:PutObject", "a.exe", null, identity, DENY),
                c("others may not manage a denying policy", "bob", false, "s3:PutBucketPolicy", null, BUCKET_POLICY,
                        none, DENY),
                c("anonymous granted by the bucket policy", null, false, "s3:GetObject", "a", BUCKET_POLICY, none,
                        ALLOW),
                c("anonymous not granted", null, false, "s3:PutObject", "a", BUCKET_POLICY, none, NOT_APPLICABLE),
                c("anonymous without a bucket policy", null, false, "s3:GetObject", "a", null, none, NOT_APPLICABLE),
                c("anonymous denied by the bucket policy", null, false, "s3:GetObject", "secret/a", BUCKET_POLICY,
                        none, DENY),
                c("anonymous never gets identity policies", null, false, "s3:ListBucket", null, null, identity,
                        NOT_APPLICABLE),
                c("another user granted by name", "writer", false, "s3:PutObject", "a", BUCKET_POLICY, none, ALLOW),
                c("another user not named", "bob", false, "s3:PutObject", "a", BUCKET_POLICY, none, NOT_APPLICABLE),
                c("another user granted by an identity policy", "bob", false, "s3:ListBucket", null, null, identity,
                        ALLOW),
                c("identity deny beats bucket allow", "writer", false, "s3:PutObject", "x.exe", BUCKET_POLICY,
                        identity, DENY),
                c("bucket deny beats identity allow", "bob", false, "s3:DeleteObject", "secret/x", BUCKET_POLICY,
                        List.of(Policy.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}}")), DENY),
                c("no bucket owner (service-level request)", "bob", false, "s3:ListBucket", null, null, none,
                        NOT_APPLICABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void authorize(String name, Request request, Policy bucketPolicy, List<Policy> identity, Decision expected) {
        String owner = name.startsWith("no bucket owner") ? null : OWNER;
        assertEquals(expected, EVALUATOR.authorize(request, owner, bucketPolicy, identity));
    }

    static Stream<Arguments> policiesAlone() {
        return Stream.of(
                c("owner without any policy is left to others", OWNER, false, "s3:PutObject", "a", null, List.of(),
                        NOT_APPLICABLE),
                c("owner still manages a denying policy", OWNER, false, "s3:PutBucketPolicy", null, BUCKET_POLICY,
                        List.of(), ALLOW),
                c("owner's other actions are denied", OWNER, false, "s3:GetObject", "secret/x", BUCKET_POLICY,
                        List.of(), DENY),
                c("a policy allow needs nothing more", null, false, "s3:GetObject", "a", BUCKET_POLICY, List.of(),
                        ALLOW));
    }

    /** {@link PolicyEvaluator#policies}: what authorize decides, less the owner's implicit allow. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("policiesAlone")
    void policies(String name, Request request, Policy bucketPolicy, List<Policy> identity, Decision expected) {
        assertEquals(expected, EVALUATOR.policies(request, OWNER, bucketPolicy, identity));
    }
}
