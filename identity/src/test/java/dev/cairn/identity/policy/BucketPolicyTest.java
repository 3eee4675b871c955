package dev.cairn.identity.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What PutBucketPolicy adds to the shared grammar, and GetBucketPolicyStatus's idea of public. */
class BucketPolicyTest {

    private static final String BUCKET = "examplebucket";

    private static String statement(String principal, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":" + action + ",\"Resource\":" + resource + "}]}";
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("object ARN pattern", statement("\"*\"", "\"s3:GetObject\"",
                        "\"arn:aws:s3:::examplebucket/*\"")),
                arguments("bucket ARN", statement("\"*\"", "\"s3:ListBucket\"", "\"arn:aws:s3:::examplebucket\"")),
                arguments("s3-tests: ListBucket on bucket and objects", statement("{\"AWS\":\"*\"}",
                        "\"s3:ListBucket\"", "[\"arn:aws:s3:::examplebucket\",\"arn:aws:s3:::examplebucket/*\"]")),
                arguments("wildcard action", statement("\"*\"", "\"s3:Get*\"", "\"arn:aws:s3:::examplebucket/*\"")),
                arguments("action names are case-insensitive", statement("\"*\"", "\"S3:getobject\"",
                        "\"arn:aws:s3:::examplebucket/*\"")),
                arguments("star action", statement("\"*\"", "\"*\"", "\"arn:aws:s3:::examplebucket/*\"")),
                arguments("policy variable in the key part", statement("\"*\"", "\"s3:GetObject\"",
                        "\"arn:aws:s3:::examplebucket/home/${aws:username}/*\"")),
                arguments("s3-tests: every bucket and every object", statement("{\"AWS\":\"*\"}", "\"s3:ListBucket\"",
                        "[\"arn:aws:s3:::*\",\"arn:aws:s3:::*/*\"]")),
                arguments("every bucket covers objects too", statement("\"*\"", "\"s3:GetObject\"",
                        "\"arn:aws:s3:::*\"")),
                arguments("wildcard in the bucket name", statement("\"*\"", "\"s3:GetObject\"",
                        "\"arn:aws:s3:::example*/*\"")),
                arguments("question mark in the bucket name", statement("\"*\"", "\"s3:ListBucket\"",
                        "\"arn:aws:s3:::example?ucket\"")),
                arguments("NotAction skips the resource-type check", "{\"Statement\":[{\"Effect\":\"Deny\","
                        + "\"Principal\":\"*\",\"NotAction\":\"s3:ListBucket\","
                        + "\"Resource\":\"arn:aws:s3:::examplebucket\"}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String name, String json) {
        Policy.parseBucketPolicy(json, BUCKET);
    }

    static Stream<Arguments> invalid() {
        String objects = "\"arn:aws:s3:::examplebucket/*\"";
        return Stream.of(
                arguments("no principal", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":" + objects + "}]}", "Missing required field Principal"),
                arguments("unknown S3 action", statement("\"*\"", "\"s3:GetObjekt\"", objects),
                        "Policy has invalid action"),
                arguments("wildcard matching no S3 action", statement("\"*\"", "\"s3:Fetch*\"", objects),
                        "Policy has invalid action"),
                arguments("another service's action", statement("\"*\"", "\"iam:CreateUser\"", objects),
                        "Policy has invalid action"),
                arguments("another bucket", statement("\"*\"", "\"s3:GetObject\"", "\"arn:aws:s3:::other/*\""),
                        "Policy has invalid resource"),
                arguments("a bucket name prefix", statement("\"*\"", "\"s3:GetObject\"",
                        "\"arn:aws:s3:::examplebucket2/*\""), "Policy has invalid resource"),
                arguments("star resource", statement("\"*\"", "\"s3:GetObject\"", "\"*\""),
                        "Policy has invalid resource"),
                arguments("wildcard matching other buckets only", statement("\"*\"", "\"s3:GetObject\"",
                        "\"arn:aws:s3:::other*/*\""), "Policy has invalid resource"),
                arguments("another partition", statement("\"*\"", "\"s3:GetObject\"",
                        "\"arn:aws-cn:s3:::examplebucket/*\""), "Policy has invalid resource"),
                arguments("object action on bucket-only wildcard", statement("\"*\"", "\"s3:GetObject\"",
                        "\"arn:aws:s3:::example?ucket\""), "Action does not apply to any resource(s) in statement"),
                arguments("object action on the bucket", statement("\"*\"", "\"s3:GetObject\"",
                        "\"arn:aws:s3:::examplebucket\""), "Action does not apply to any resource(s) in statement"),
                arguments("bucket action on objects only", statement("\"*\"", "[\"s3:GetObject\",\"s3:ListBucket\"]",
                        objects), "Action does not apply to any resource(s) in statement"),
                arguments("account action", statement("\"*\"", "\"s3:ListAllMyBuckets\"", objects),
                        "Action does not apply to any resource(s) in statement"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refuses(String name, String json, String message) {
        PolicyException e = assertThrows(PolicyException.class, () -> Policy.parseBucketPolicy(json, BUCKET));
        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesOversizedDocumentsBeforeParsing() {
        String huge = "{" + " ".repeat(Policy.MAX_BUCKET_POLICY_BYTES) + "}";
        PolicyException e = assertThrows(PolicyException.class, () -> Policy.parseBucketPolicy(huge, BUCKET));
        assertEquals("Policy exceeds the maximum allowed document size.", e.getMessage());
    }

    static Stream<Arguments> publicness() {
        String resources = "[\"arn:aws:s3:::examplebucket\",\"arn:aws:s3:::examplebucket/*\"]";
        String base = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"%s\",\"Principal\":%s,"
                + "\"Action\":\"s3:ListBucket\",\"Resource\":" + resources + "%s}]}";
        return Stream.of(
                arguments("grant to AWS star", base.formatted("Allow", "{\"AWS\":\"*\"}", ""), true),
                arguments("grant to star", base.formatted("Allow", "\"*\"", ""), true),
                arguments("deny to everyone", base.formatted("Deny", "\"*\"", ""), false),
                arguments("fixed principal", base.formatted("Allow", "{\"AWS\":\"arn:aws:iam::s3tenant1:root\"}", ""),
                        false),
                arguments("limited to a CIDR", base.formatted("Allow", "{\"AWS\":\"*\"}",
                        ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/32\"}}"), false),
                arguments("CIDR of everything", base.formatted("Allow", "{\"AWS\":\"*\"}",
                        ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}"), true),
                arguments("fixed source account", base.formatted("Allow", "\"*\"",
                        ",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}"), false),
                arguments("source ARN with a wildcard", base.formatted("Allow", "\"*\"",
                        ",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::*\"}}"), true),
                arguments("unrelated condition", base.formatted("Allow", "\"*\"",
                        ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicness")
    void isPublic(String name, String json, boolean expected) {
        assertEquals(expected, Policy.parseBucketPolicy(json, BUCKET).isPublic());
    }
}
