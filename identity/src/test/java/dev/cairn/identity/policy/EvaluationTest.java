package dev.cairn.identity.policy;

import static dev.cairn.identity.policy.Decision.ALLOW;
import static dev.cairn.identity.policy.Decision.DENY;
import static dev.cairn.identity.policy.Decision.NOT_APPLICABLE;
import static dev.cairn.identity.policy.Policies.BUCKET_ARN;
import static dev.cairn.identity.policy.Policies.EVALUATOR;
import static dev.cairn.identity.policy.Policies.evaluate;
import static dev.cairn.identity.policy.Policies.policy;
import static dev.cairn.identity.policy.Policies.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Matching of principals, actions and resources (wildcards, Not... elements) and the deny-allow-default rule. */
class EvaluationTest {

    private static String allow(String principal, String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":" + action + ",\"Resource\":"
                + resource + "}";
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    static Stream<Arguments> matching() {
        String objects = q(BUCKET_ARN + "/*");
        return Stream.of(
                // actions
                arguments("action exact", allow("\"*\"", q("s3:GetObject"), objects), "s3:GetObject", "a", ALLOW),
                arguments("action case-insensitive", allow("\"*\"", q("S3:GETOBJECT"), objects), "s3:GetObject", "a",
                        ALLOW),
                arguments("request action case-insensitive", allow("\"*\"", q("s3:GetObject"), objects),
                        "S3:getobject", "a", ALLOW),
                arguments("action star", allow("\"*\"", q("*"), objects), "s3:DeleteObject", "a", ALLOW),
                arguments("action service star", allow("\"*\"", q("s3:*"), objects), "s3:PutObjectTagging", "a",
                        ALLOW),
                arguments("action prefix", allow("\"*\"", q("s3:Get*"), objects), "s3:GetObjectAcl", "a", ALLOW),
                arguments("action prefix misses", allow("\"*\"", q("s3:Get*"), objects), "s3:PutObject", "a",
                        NOT_APPLICABLE),
                arguments("action infix", allow("\"*\"", q("s3:*Object*"), objects), "s3:PutObjectTagging", "a",
                        ALLOW),
                arguments("action question mark", allow("\"*\"", q("s3:?etObject"), objects), "s3:GetObject", "a",
                        ALLOW),
                arguments("action of another service", allow("\"*\"", q("s3:*"), objects), "iam:GetObject", "a",
                        NOT_APPLICABLE),
                arguments("action list", allow("\"*\"", "[\"s3:PutObject\",\"s3:GetObject\"]", objects),
                        "s3:GetObject", "a", ALLOW),
                // resources
                arguments("resource exact", allow("\"*\"", q("s3:GetObject"), q(BUCKET_ARN + "/a.txt")),
                        "s3:GetObject", "a.txt", ALLOW),
                arguments("resource is case-sensitive", allow("\"*\"", q("s3:GetObject"), q(BUCKET_ARN + "/a.txt")),
                        "s3:GetObject", "A.txt", NOT_APPLICABLE),
                arguments("resource star spans slashes", allow("\"*\"", q("s3:GetObject"), q(BUCKET_ARN + "/a/*")),
                        "s3:GetObject", "a/b/c/d", ALLOW),
                arguments("resource star spans colons", allow("\"*\"", q("s3:GetObject"), objects), "s3:GetObject",
                        "x:y:z", ALLOW),
                arguments("resource suffix", allow("\"*\"", q("s3:GetObject"), q(BUCKET_ARN + "/*.jpg")),
                        "s3:GetObject", "img/cat.jpg", ALLOW),
                arguments("resource suffix misses", allow("\"*\"", q("s3:GetObject"), q(BUCKET_ARN + "/*.jpg")),
                        "s3:GetObject", "img/cat.png", NOT_APPLICABLE),
                arguments("resource middle star", allow("\"*\"", q("s3:GetObject"), q(BUCKET_ARN + "/a*b*c")),
                        "s3:GetObject", "aXXbYYbZc", ALLOW),
                arguments("resource question mark", allow("\"*\"", q("s3:GetObject"), q(BUCKET_ARN + "/log-?.txt")),
                        "s3:GetObject", "log-7.txt", ALLOW),
                arguments("resource question mark is one char", allow("\"*\"", q("s3:GetObject"),
                        q(BUCKET_ARN + "/log-?.txt")), "s3:GetObject", "log-17.txt", NOT_APPLICABLE),
                arguments("bucket ARN is not an object ARN", allow("\"*\"", q("s3:GetObject"), objects),
                        "s3:GetObject", null, NOT_APPLICABLE),
                arguments("star resource", allow("\"*\"", q("s3:ListAllMyBuckets"), q("*")), "s3:ListAllMyBuckets",
                        "*", ALLOW),
                // principals
                arguments("principal star includes anonymous", allow("\"*\"", q("s3:GetObject"), objects),
                        "s3:GetObject", "a", ALLOW),
                arguments("AWS star includes anonymous", allow("{\"AWS\":\"*\"}", q("s3:GetObject"), objects),
                        "s3:GetObject", "a", ALLOW));
    }

    /** {@code key} null: the request is on the bucket itself. Requests are anonymous. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("matching")
    void matches(String name, String statement, String action, String key, Decision expected) {
        String resource = key == null ? BUCKET_ARN : key.equals("*") ? "*" : BUCKET_ARN + "/" + key;
        assertEquals(expected, evaluate(policy(statement), request(null, action, resource)));
    }

    static Stream<Arguments> principals() {
        return Stream.of(
                arguments("plain id", "\"alice\"", "alice", false, true),
                arguments("plain id, other user", "\"alice\"", "bob", false, false),
                arguments("plain id, anonymous", "\"alice\"", null, false, false),
                arguments("user ARN", "\"arn:aws:iam::123456789012:user/alice\"", "alice", false, true),
                arguments("user ARN with path", "\"arn:aws:iam::123456789012:user/division/team/alice\"", "alice",
                        false, true),
                arguments("user ARN of another name", "\"arn:aws:iam::123456789012:user/alice\"", "alicia", false,
                        false),
                arguments("user ARN is case-sensitive", "\"arn:aws:iam::1:user/Alice\"", "alice", false, false),
                arguments("account root ARN: the root user", "\"arn:aws:iam::123456789012:root\"", "admin", true,
                        true),
                arguments("account root ARN: the user named as account", "\"arn:aws:iam::s3tenant1:root\"",
                        "s3tenant1", false, true),
                arguments("account root ARN: another user", "\"arn:aws:iam::123456789012:root\"", "alice", false,
                        false),
                arguments("role ARN matches nobody yet", "\"arn:aws:iam::1:role/reader\"", "reader", false, false),
                arguments("list of principals", "[\"bob\",\"arn:aws:iam::1:user/alice\"]", "alice", false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("principals")
    void principal(String name, String awsValue, String principal, boolean root, boolean expected) {
        Policy p = policy(allow("{\"AWS\":" + awsValue + "}", q("s3:GetObject"), q(BUCKET_ARN + "/*")));
        Request r = new Request(principal, root, "s3:GetObject", BUCKET_ARN + "/a", Map.of());
        assertEquals(expected ? ALLOW : NOT_APPLICABLE, evaluate(p, r));
    }

    @Test
    void canonicalUserMatchesThePrincipalId() {
        Policy p = policy(allow("{\"CanonicalUser\":\"alice\"}", q("s3:GetObject"), q(BUCKET_ARN + "/*")));
        assertEquals(ALLOW, evaluate(p, Policies.get("alice", "a")));
        assertEquals(NOT_APPLICABLE, evaluate(p, Policies.get("bob", "a")));
    }

    @Test
    void servicePrincipalsMatchNoUser() {
        Policy p = policy(allow("{\"Service\":\"logging.s3.amazonaws.com\"}", q("s3:PutObject"),
                q(BUCKET_ARN + "/*")));
        assertEquals(NOT_APPLICABLE, evaluate(p, request("logging.s3.amazonaws.com", "s3:PutObject",
                BUCKET_ARN + "/a")));
    }

    @Test
    void notActionMatchesEveryOtherAction() {
        Policy p = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":[\"s3:Get*\",\"s3:List*\"],"
                + "\"Resource\":[\"" + BUCKET_ARN + "\",\"" + BUCKET_ARN + "/*\"]}");
        assertEquals(DENY, evaluate(p, request("alice", "s3:PutObject", BUCKET_ARN + "/a")));
        assertEquals(DENY, evaluate(p, request("alice", "s3:DeleteBucket", BUCKET_ARN)));
        assertEquals(NOT_APPLICABLE, evaluate(p, request("alice", "s3:GetObject", BUCKET_ARN + "/a")));
        assertEquals(NOT_APPLICABLE, evaluate(p, request("alice", "s3:ListBucket", BUCKET_ARN)));
    }

    @Test
    void notResourceMatchesEveryOtherResource() {
        Policy p = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"NotResource\":\"" + BUCKET_ARN + "/public/*\"}");
        assertEquals(DENY, evaluate(p, Policies.get("alice", "private/a")));
        assertEquals(NOT_APPLICABLE, evaluate(p, Policies.get("alice", "public/a")));
    }

    @Test
    void notPrincipalDeniesEveryoneElseAnonymousIncluded() {
        Policy p = policy(
                allow("\"*\"", q("s3:GetObject"), q(BUCKET_ARN + "/*")),
                "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"arn:aws:iam::1:user/alice\"]},"
                        + "\"Action\":\"s3:*\",\"Resource\":\"" + BUCKET_ARN + "/*\"}");
        assertEquals(ALLOW, evaluate(p, Policies.get("alice", "a")));
        assertEquals(DENY, evaluate(p, Policies.get("bob", "a")));
        assertEquals(DENY, evaluate(p, Policies.get(null, "a")));
    }

    @Test
    void explicitDenyBeatsAllowInAnyStatementOrPolicyOrder() {
        String allowAll = allow("\"*\"", q("s3:*"), q(BUCKET_ARN + "/*"));
        String denySecret = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\""
                + BUCKET_ARN + "/secret/*\"}";
        Request secret = Policies.get("alice", "secret/plan");
        assertEquals(DENY, evaluate(policy(allowAll, denySecret), secret));
        assertEquals(DENY, evaluate(policy(denySecret, allowAll), secret));
        assertEquals(DENY, EVALUATOR.evaluate(List.of(policy(allowAll), policy(denySecret)), secret));
        assertEquals(DENY, EVALUATOR.evaluate(List.of(policy(denySecret), policy(allowAll)), secret));
        assertEquals(ALLOW, evaluate(policy(allowAll, denySecret), Policies.get("alice", "plan")));
    }

    @Test
    void nothingApplicableIsTheImplicitDeny() {
        assertEquals(NOT_APPLICABLE, EVALUATOR.evaluate(List.of(), Policies.get("alice", "a")));
        assertEquals(false, NOT_APPLICABLE.allowed());
        assertEquals(false, DENY.allowed());
        assertEquals(true, ALLOW.allowed());
    }

    @Test
    void conditionsOfAStatementAreAnded() {
        Policy p = policy(Policies.allowGetWith("{\"Bool\":{\"aws:SecureTransport\":\"true\"},"
                + "\"IpAddress\":{\"aws:SourceIp\":\"192.0.2.0/24\"},\"StringLike\":{\"aws:UserAgent\":\"curl*\","
                + "\"aws:Referer\":\"https://*\"}}"));
        String[] all = {"aws:SecureTransport", "true", "aws:SourceIp", "192.0.2.1", "aws:UserAgent", "curl/8",
            "aws:Referer", "https://x"};
        assertEquals(ALLOW, evaluate(p, Policies.get(null, "a", all)));
        for (int drop = 0; drop < all.length; drop += 2) {
            String[] fewer = new String[all.length - 2];
            for (int i = 0, j = 0; i < all.length; i += 2) {
                if (i != drop) {
                    fewer[j++] = all[i];
                    fewer[j++] = all[i + 1];
                }
            }
            assertEquals(NOT_APPLICABLE, evaluate(p, Policies.get(null, "a", fewer)), "without " + all[drop]);
        }
    }
}
