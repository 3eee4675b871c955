package dev.cairn.identity.policy;

import static dev.cairn.identity.policy.Decision.ALLOW;
import static dev.cairn.identity.policy.Decision.DENY;
import static dev.cairn.identity.policy.Decision.NOT_APPLICABLE;
import static dev.cairn.identity.policy.Policies.BUCKET;
import static dev.cairn.identity.policy.Policies.BUCKET_ARN;
import static dev.cairn.identity.policy.Policies.evaluate;
import static dev.cairn.identity.policy.Policies.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example bucket policies of the Amazon S3 user guide ("Examples of Amazon S3 bucket policies", "Bucket policy
 * examples using condition keys"), with the bucket renamed to {@value Policies#BUCKET}, each checked against
 * requests it should and should not let through. Every policy is also validated as a bucket policy.
 */
class AwsExamplePoliciesTest {

    private static final String OBJECTS = BUCKET_ARN + "/*";

    static final String PUBLIC_READ = """
            {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",
             "Action":["s3:GetObject","s3:GetObjectVersion"],"Resource":["arn:aws:s3:::examplebucket/*"]}]}""";

    static final String RESTRICT_BY_IP = """
            {"Version":"2012-10-17","Id":"S3PolicyId1","Statement":[{"Sid":"IPAllow","Effect":"Deny","Principal":"*",
             "Action":"s3:*","Resource":["arn:aws:s3:::examplebucket","arn:aws:s3:::examplebucket/*"],
             "Condition":{"NotIpAddress":{"aws:SourceIp":"192.0.2.0/24"}}}]}""";

    static final String IPV4_AND_IPV6 = """
            {"Version":"2012-10-17","Id":"S3PolicyId1","Statement":[{"Sid":"AllowIPmix","Effect":"Allow",
             "Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::examplebucket","arn:aws:s3:::examplebucket/*"],
             "Condition":{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","2001:DB8:1234:5678::/64"]},
              "NotIpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:DB8:1234:5678:ABCD::/80"]}}}]}""";

    static final String REQUIRE_TLS = """
            {"Version":"2012-10-17","Statement":[{"Sid":"RestrictToTLSRequestsOnly","Action":"s3:*","Effect":"Deny",
             "Resource":["arn:aws:s3:::examplebucket","arn:aws:s3:::examplebucket/*"],
             "Condition":{"Bool":{"aws:SecureTransport":"false"}},"Principal":"*"}]}""";

    static final String USER_HOME_FOLDERS = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"AllowListingOfUserFolder","Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:ListBucket",
              "Resource":"arn:aws:s3:::examplebucket",
              "Condition":{"StringLike":{"s3:prefix":["","home/","home/${aws:username}/*"]}}},
             {"Sid":"AllowAllS3ActionsInUserFolder","Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:*Object",
              "Resource":"arn:aws:s3:::examplebucket/home/${aws:username}/*"}]}""";

    static final String DENY_UNENCRYPTED = """
            {"Version":"2012-10-17","Id":"PutObjectPolicy","Statement":[
             {"Sid":"DenyIncorrectEncryptionHeader","Effect":"Deny","Principal":"*","Action":"s3:PutObject",
              "Resource":"arn:aws:s3:::examplebucket/*",
              "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption":"AES256"}}},
             {"Sid":"DenyUnEncryptedObjectUploads","Effect":"Deny","Principal":"*","Action":"s3:PutObject",
              "Resource":"arn:aws:s3:::examplebucket/*",
              "Condition":{"Null":{"s3:x-amz-server-side-encryption":"true"}}},
             {"Sid":"AllowUploads","Effect":"Allow","Principal":"*","Action":"s3:PutObject",
              "Resource":"arn:aws:s3:::examplebucket/*"}]}""";

    static final String REFERER = """
            {"Version":"2012-10-17","Id":"HTTP referer policy example","Statement":[{"Sid":"Allow only GET requests
             originating from www.example.com and example.com.","Effect":"Allow","Principal":"*",
             "Action":["s3:GetObject","s3:GetObjectVersion"],"Resource":"arn:aws:s3:::examplebucket/*",
             "Condition":{"StringLike":{"aws:Referer":["http://www.example.com/*","http://example.com/*"]}}}]}"""
            .replace("\n ", " ");

    static final String ACL_FOR_OWNER = """
            {"Version":"2012-10-17","Statement":[{"Sid":"statement1","Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::111122223333:user/Dave"},"Action":"s3:PutObject",
             "Resource":"arn:aws:s3:::examplebucket/*",
             "Condition":{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control"}}}]}""";

    static final String MAX_KEYS = """
            {"Version":"2012-10-17","Statement":[{"Sid":"example","Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::123456789012:user/Dave"},"Action":"s3:ListBucket",
             "Resource":"arn:aws:s3:::examplebucket",
             "Condition":{"NumericLessThanEquals":{"s3:max-keys":"10"},"StringEquals":{"s3:delimiter":"/"}}}]}""";

    static final String TAGS = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/JohnDoe"},"Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::examplebucket/*",
              "Condition":{"StringEquals":{"s3:ExistingObjectTag/environment":"production"}}},
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/JohnDoe"},"Action":"s3:PutObject",
              "Resource":"arn:aws:s3:::examplebucket/*",
              "Condition":{"ForAllValues:StringLike":{"s3:RequestObjectTagKeys":["Owner","CreationDate"]}}}]}""";

    static final String VERSION_ID = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"statement1","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/Dave"},
              "Action":"s3:GetObjectVersion","Resource":"arn:aws:s3:::examplebucket/HappyFace.jpg"},
             {"Sid":"statement2","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:user/Dave"},
              "Action":"s3:GetObjectVersion","Resource":"arn:aws:s3:::examplebucket/HappyFace.jpg",
              "Condition":{"StringNotEquals":{"s3:VersionId":"AaaHbAQitwiL_h47_44lRO2DDfLlBO5e"}}}]}""";

    static final String TIME_WINDOW = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
             "Resource":"arn:aws:s3:::examplebucket/*",
             "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2024-01-01T00:00:00Z"},
              "DateLessThan":{"aws:EpochTime":"1735689600"}}}]}""";

    static final String DENY_EXCEPT_USER = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::examplebucket/*"},
             {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::examplebucket/private/*",
              "Condition":{"StringNotEquals":{"aws:username":"alice"}}},
             {"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::examplebucket/*",
              "Condition":{"StringEquals":{"aws:PrincipalType":"Anonymous"},
               "StringNotLike":{"aws:UserAgent":"internal-*"}}}]}""";

    private static Request list(String principal, String... keyValues) {
        return request(principal, "s3:ListBucket", BUCKET_ARN, keyValues);
    }

    private static Request put(String principal, String key, String... keyValues) {
        return request(principal, "s3:PutObject", BUCKET_ARN + "/" + key, keyValues);
    }

    private static Request get(String principal, String key, String... keyValues) {
        return request(principal, "s3:GetObject", BUCKET_ARN + "/" + key, keyValues);
    }

    private static Arguments c(String name, String policy, Request request, Decision expected) {
        return arguments(name, policy, request, expected);
    }

    static Stream<Arguments> cases() {
        Request tagged = new Request("JohnDoe", false, "s3:PutObject", OBJECTS.replace("*", "a"),
                Map.of("s3:RequestObjectTagKeys", List.of("Owner", "CreationDate")));
        Request taggedBadly = new Request("JohnDoe", false, "s3:PutObject", OBJECTS.replace("*", "a"),
                Map.of("s3:RequestObjectTagKeys", List.of("Owner", "Secret")));
        return Stream.of(
                c("public read: anonymous GET", PUBLIC_READ, get(null, "photo.jpg"), ALLOW),
                c("public read: GET of a version", PUBLIC_READ,
                        request(null, "s3:GetObjectVersion", BUCKET_ARN + "/a"), ALLOW),
                c("public read: anonymous PUT is not granted", PUBLIC_READ, put(null, "photo.jpg"), NOT_APPLICABLE),
                c("public read: other bucket", PUBLIC_READ, request(null, "s3:GetObject", "arn:aws:s3:::other/a"),
                        NOT_APPLICABLE),
                c("IP restriction: outside the range is denied", RESTRICT_BY_IP,
                        get("alice", "a", "aws:SourceIp", "198.51.100.7"), DENY),
                c("IP restriction: inside the range is not denied", RESTRICT_BY_IP,
                        get("alice", "a", "aws:SourceIp", "192.0.2.7"), NOT_APPLICABLE),
                c("IP restriction: applies to bucket actions too", RESTRICT_BY_IP,
                        list("alice", "aws:SourceIp", "203.0.113.1"), DENY),
                c("IPv4 and IPv6: allowed v4", IPV4_AND_IPV6, get(null, "a", "aws:SourceIp", "192.0.2.10"), ALLOW),
                c("IPv4 and IPv6: allowed v6", IPV4_AND_IPV6,
                        get(null, "a", "aws:SourceIp", "2001:db8:1234:5678:1::1"), ALLOW),
                c("IPv4 and IPv6: carved-out v6 range", IPV4_AND_IPV6,
                        get(null, "a", "aws:SourceIp", "2001:db8:1234:5678:abcd::1"), NOT_APPLICABLE),
                c("IPv4 and IPv6: other address", IPV4_AND_IPV6, get(null, "a", "aws:SourceIp", "203.0.113.5"),
                        NOT_APPLICABLE),
                c("TLS only: plain HTTP denied", REQUIRE_TLS, get("alice", "a", "aws:SecureTransport", "false"), DENY),
                c("TLS only: HTTPS passes", REQUIRE_TLS, get("alice", "a", "aws:SecureTransport", "true"),
                        NOT_APPLICABLE),
                c("home folders: list own folder", USER_HOME_FOLDERS, list("alice", "s3:prefix", "home/alice/docs"),
                        ALLOW),
                c("home folders: list the root", USER_HOME_FOLDERS, list("alice", "s3:prefix", ""), ALLOW),
                c("home folders: list home/", USER_HOME_FOLDERS, list("alice", "s3:prefix", "home/"), ALLOW),
                c("home folders: list another user's folder", USER_HOME_FOLDERS,
                        list("alice", "s3:prefix", "home/bob/"), NOT_APPLICABLE),
                c("home folders: list without prefix", USER_HOME_FOLDERS, list("alice"), NOT_APPLICABLE),
                c("home folders: get own object", USER_HOME_FOLDERS, get("alice", "home/alice/cv.pdf"), ALLOW),
                c("home folders: delete own object", USER_HOME_FOLDERS,
                        request("alice", "s3:DeleteObject", BUCKET_ARN + "/home/alice/cv.pdf"), ALLOW),
                c("home folders: get another user's object", USER_HOME_FOLDERS, get("alice", "home/bob/cv.pdf"),
                        NOT_APPLICABLE),
                c("home folders: anonymous has no user name", USER_HOME_FOLDERS, get(null, "home//cv.pdf"),
                        NOT_APPLICABLE),
                c("encryption: AES256 upload allowed", DENY_UNENCRYPTED,
                        put("alice", "a", "s3:x-amz-server-side-encryption", "AES256"), ALLOW),
                c("encryption: KMS upload denied", DENY_UNENCRYPTED,
                        put("alice", "a", "s3:x-amz-server-side-encryption", "aws:kms"), DENY),
                c("encryption: unencrypted upload denied", DENY_UNENCRYPTED, put("alice", "a"), DENY),
                c("referer: from the site", REFERER, get(null, "a", "aws:Referer", "http://www.example.com/x"),
                        ALLOW),
                c("referer: elsewhere", REFERER, get(null, "a", "aws:Referer", "http://evil.example/"),
                        NOT_APPLICABLE),
                c("referer: none sent", REFERER, get(null, "a"), NOT_APPLICABLE),
                c("ACL: Dave uploads granting the owner", ACL_FOR_OWNER,
                        put("Dave", "a", "s3:x-amz-acl", "bucket-owner-full-control"), ALLOW),
                c("ACL: Dave uploads without the ACL", ACL_FOR_OWNER, put("Dave", "a"), NOT_APPLICABLE),
                c("ACL: someone else", ACL_FOR_OWNER, put("Eve", "a", "s3:x-amz-acl", "bucket-owner-full-control"),
                        NOT_APPLICABLE),
                c("max-keys: small listing with delimiter", MAX_KEYS,
                        list("Dave", "s3:max-keys", "10", "s3:delimiter", "/"), ALLOW),
                c("max-keys: too many keys", MAX_KEYS, list("Dave", "s3:max-keys", "1000", "s3:delimiter", "/"),
                        NOT_APPLICABLE),
                c("max-keys: both keys are required", MAX_KEYS, list("Dave", "s3:max-keys", "5"), NOT_APPLICABLE),
                c("tags: production object", TAGS,
                        get("JohnDoe", "a", "s3:ExistingObjectTag/environment", "production"), ALLOW),
                c("tags: tag key case-insensitive in the context", TAGS,
                        get("JohnDoe", "a", "S3:ExistingObjectTag/Environment", "production"), ALLOW),
                c("tags: staging object", TAGS, get("JohnDoe", "a", "s3:ExistingObjectTag/environment", "staging"),
                        NOT_APPLICABLE),
                c("tags: upload with allowed tag keys", TAGS, tagged, ALLOW),
                c("tags: upload with another tag key", TAGS, taggedBadly, NOT_APPLICABLE),
                c("tags: upload without tags (ForAllValues of nothing)", TAGS, put("JohnDoe", "a"), ALLOW),
                c("version id: the allowed version", VERSION_ID, request("Dave", "s3:GetObjectVersion",
                        BUCKET_ARN + "/HappyFace.jpg", "s3:VersionId", "AaaHbAQitwiL_h47_44lRO2DDfLlBO5e"), ALLOW),
                c("version id: another version is denied", VERSION_ID, request("Dave", "s3:GetObjectVersion",
                        BUCKET_ARN + "/HappyFace.jpg", "s3:VersionId", "other"), DENY),
                c("time window: inside", TIME_WINDOW, Request.builder(null, false, "s3:GetObject", BUCKET_ARN + "/a")
                        .time(java.time.Instant.parse("2024-06-01T12:00:00Z")).build(), ALLOW),
                c("time window: before", TIME_WINDOW, Request.builder(null, false, "s3:GetObject", BUCKET_ARN + "/a")
                        .time(java.time.Instant.parse("2023-06-01T12:00:00Z")).build(), NOT_APPLICABLE),
                c("time window: after", TIME_WINDOW, Request.builder(null, false, "s3:GetObject", BUCKET_ARN + "/a")
                        .time(java.time.Instant.parse("2025-06-01T12:00:00Z")).build(), NOT_APPLICABLE),
                c("deny except user: alice reads private", DENY_EXCEPT_USER, get("alice", "private/x"), ALLOW),
                c("deny except user: bob denied private", DENY_EXCEPT_USER, get("bob", "private/x"), DENY),
                c("deny except user: anonymous without user name denied", DENY_EXCEPT_USER,
                        get(null, "private/x", "aws:UserAgent", "internal-crawler"), DENY),
                c("principal type: anonymous browser denied", DENY_EXCEPT_USER,
                        get(null, "public/x", "aws:UserAgent", "Mozilla/5.0"), DENY),
                c("principal type: anonymous internal agent allowed", DENY_EXCEPT_USER,
                        get(null, "public/x", "aws:UserAgent", "internal-crawler"), ALLOW),
                c("principal type: signed user allowed", DENY_EXCEPT_USER,
                        get("bob", "public/x", "aws:UserAgent", "Mozilla/5.0"), ALLOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void example(String name, String json, Request request, Decision expected) {
        Policy policy = Policy.parseBucketPolicy(json, BUCKET);
        assertEquals(expected, evaluate(policy, request));
    }
}
