package dev.cairn.identity.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The grammar every policy shares: accepted forms, and each refused form with its S3-style message. */
class PolicyParseTest {

    private static final String OK_STATEMENT =
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}";

    private static String withStatement(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("statement as an object", "{\"Version\":\"2012-10-17\",\"Statement\":" + OK_STATEMENT + "}"),
                arguments("statement as an array", withStatement(OK_STATEMENT)),
                arguments("old version", "{\"Version\":\"2008-10-17\",\"Statement\":" + OK_STATEMENT + "}"),
                arguments("no version", "{\"Statement\":" + OK_STATEMENT + "}"),
                arguments("Id and Sid", "{\"Version\":\"2012-10-17\",\"Id\":\"P1\",\"Statement\":[{\"Sid\":\"S1\","
                        + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"),
                arguments("Principal AWS star", withStatement("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}")),
                arguments("Principal AWS list of ARNs and ids", withStatement("{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"AWS\":[\"arn:aws:iam::123456789012:user/alice\",\"arn:aws:iam::123456789012:root\","
                        + "\"AKIAIOSFODNN7EXAMPLE\",\"bob\"]},\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::b/*\"}")),
                arguments("Principal CanonicalUser and Service", withStatement("{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"CanonicalUser\":\"79a59df900b949e55d96a1e698fbace\",\"Service\":"
                        + "\"logging.s3.amazonaws.com\"},\"Action\":\"s3:PutObject\","
                        + "\"Resource\":\"arn:aws:s3:::b/*\"}")),
                arguments("NotPrincipal with Deny", withStatement("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":"
                        + "\"arn:aws:iam::1:user/alice\"},\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"}")),
                arguments("NotAction and NotResource", withStatement("{\"Effect\":\"Deny\",\"Principal\":\"*\","
                        + "\"NotAction\":\"s3:Get*\",\"NotResource\":[\"arn:aws:s3:::b/public/*\"]}")),
                arguments("condition values of every JSON type", withStatement("{\"Effect\":\"Allow\",\"Principal\":"
                        + "\"*\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{"
                        + "\"NumericLessThanEquals\":{\"s3:max-keys\":10},\"Bool\":{\"aws:SecureTransport\":true},"
                        + "\"StringEquals\":{\"s3:delimiter\":[\"/\"]}}}")),
                arguments("empty Condition block", withStatement("{\"Effect\":\"Allow\",\"Principal\":\"*\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{}}")),
                arguments("non-S3 actions (identity policies)", withStatement("{\"Effect\":\"Allow\","
                        + "\"Action\":[\"sts:AssumeRole\",\"iam:*\"],\"Resource\":\"*\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String name, String json) {
        Policy policy = Policy.parse(json);
        assertSame(json, policy.json(), "the original text is kept for GetBucketPolicy");
        assertTrue(!policy.statements().isEmpty());
    }

    @Test
    void versionDefaultsTo2008AndIdIsOptional() {
        Policy policy = Policy.parse("{\"Statement\":" + OK_STATEMENT + "}");
        assertEquals(Policy.VERSION_2008, policy.version());
        assertTrue(policy.id().isEmpty());
        assertEquals("P", Policy.parse("{\"Id\":\"P\",\"Statement\":" + OK_STATEMENT + "}").id().orElseThrow());
    }

    static Stream<Arguments> invalid() {
        String principalStar = "\"Principal\":\"*\",";
        return Stream.of(
                arguments("empty document", "", "Policies must be valid JSON and the first byte must be '{'"),
                arguments("not JSON", "{\"Version\":", "This policy contains invalid Json"),
                arguments("trailing garbage", withStatement(OK_STATEMENT) + " x", "This policy contains invalid Json"),
                arguments("duplicate field", "{\"Statement\":" + OK_STATEMENT + ",\"Statement\":" + OK_STATEMENT
                        + "}", "This policy contains invalid Json"),
                arguments("array document", "[" + OK_STATEMENT + "]",
                        "Policies must be valid JSON and the first byte must be '{'"),
                arguments("unknown top-level field", "{\"Foo\":1,\"Statement\":" + OK_STATEMENT + "}",
                        "Unknown field Foo"),
                arguments("unknown statement field", withStatement("{\"Effect\":\"Allow\",\"Foo\":1,"
                        + principalStar + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"),
                        "Unknown field Foo"),
                arguments("field names are case-sensitive", withStatement("{\"effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"), "Unknown field effect"),
                arguments("bad version", "{\"Version\":\"2012-10-18\",\"Statement\":" + OK_STATEMENT + "}",
                        "The policy must contain a valid version string"),
                arguments("numeric version", "{\"Version\":2012,\"Statement\":" + OK_STATEMENT + "}",
                        "The policy must contain a valid version string"),
                arguments("missing Statement", "{\"Version\":\"2012-10-17\"}", "Missing required field Statement"),
                arguments("empty Statement", "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                        "Could not parse the policy: Statement is empty!"),
                arguments("Statement of strings", "{\"Statement\":[\"x\"]}",
                        "Statement must be an object or an array of objects"),
                arguments("missing Effect", withStatement("{" + principalStar
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"),
                        "Missing required field Effect"),
                arguments("unknown Effect", withStatement("{\"Effect\":\"Permit\"," + principalStar
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"), "Invalid effect: Permit"),
                arguments("Effect is case-sensitive", withStatement("{\"Effect\":\"allow\"," + principalStar
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"), "Invalid effect: allow"),
                arguments("missing Action", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Resource\":\"arn:aws:s3:::b/*\"}"), "Missing required field Action"),
                arguments("Action and NotAction", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:GetObject\",\"NotAction\":\"s3:PutObject\","
                        + "\"Resource\":\"arn:aws:s3:::b/*\"}"), "Statement cannot contain both Action and NotAction"),
                arguments("action without service", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"), "Policy has invalid action"),
                arguments("empty action list", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":[],\"Resource\":\"arn:aws:s3:::b/*\"}"), "Policy has invalid action"),
                arguments("numeric action", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":[1],\"Resource\":\"arn:aws:s3:::b/*\"}"), "Policy has invalid action"),
                arguments("missing Resource", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:GetObject\"}"), "Missing required field Resource"),
                arguments("Resource and NotResource", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"NotResource\":\"*\"}"),
                        "Statement cannot contain both Resource and NotResource"),
                arguments("resource not an ARN", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"b/*\"}"), "Policy has invalid resource"),
                arguments("Principal a bare name", withStatement("{\"Effect\":\"Allow\",\"Principal\":\"alice\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"),
                        "Invalid principal in policy"),
                arguments("Principal unknown kind", withStatement("{\"Effect\":\"Allow\",\"Principal\":{\"Users\":"
                        + "\"alice\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"),
                        "Invalid principal in policy"),
                arguments("Principal wildcard inside an ARN", withStatement("{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"AWS\":\"arn:aws:iam::*:user/alice\"},\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::b/*\"}"), "Invalid principal in policy"),
                arguments("Principal not an IAM ARN", withStatement("{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"AWS\":\"arn:aws:s3:::b\"},\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::b/*\"}"),
                        "Invalid principal in policy"),
                arguments("Principal empty", withStatement("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[]},"
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"),
                        "Invalid principal in policy"),
                arguments("NotPrincipal with Allow", withStatement("{\"Effect\":\"Allow\",\"NotPrincipal\":"
                        + "{\"AWS\":\"arn:aws:iam::s3tenant1:root\"},\"Action\":\"s3:ListBucket\","
                        + "\"Resource\":\"arn:aws:s3:::b\"}"), "Invalid principal in policy"),
                arguments("Principal and NotPrincipal", withStatement("{\"Effect\":\"Deny\",\"Principal\":\"*\","
                        + "\"NotPrincipal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"),
                        "Statement cannot contain both Principal and NotPrincipal"),
                arguments("unknown condition operator", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{"
                        + "\"StringEqualz\":{\"aws:UserAgent\":\"x\"}}}"), "Invalid Condition type : StringEqualz"),
                arguments("Null with IfExists", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{"
                        + "\"NullIfExists\":{\"aws:UserAgent\":\"true\"}}}"), "Invalid Condition type : NullIfExists"),
                arguments("bad set operator", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{"
                        + "\"ForSomeValues:StringEquals\":{\"aws:TagKeys\":\"x\"}}}"),
                        "Invalid Condition type : ForSomeValues:StringEquals"),
                arguments("number expected", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{"
                        + "\"NumericLessThan\":{\"s3:max-keys\":\"ten\"}}}"),
                        "Invalid Condition value for NumericLessThan: ten"),
                arguments("date expected", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{"
                        + "\"DateLessThan\":{\"aws:CurrentTime\":\"soon\"}}}"),
                        "Invalid Condition value for DateLessThan: soon"),
                arguments("CIDR expected", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{"
                        + "\"IpAddress\":{\"aws:SourceIp\":\"192.0.2.0/33\"}}}"),
                        "Invalid Condition value for IpAddress: 192.0.2.0/33"),
                arguments("boolean expected", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{"
                        + "\"Bool\":{\"aws:SecureTransport\":\"yes\"}}}"), "Invalid Condition value for Bool: yes"),
                arguments("base64 expected", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{"
                        + "\"BinaryEquals\":{\"k\":\"%%\"}}}"), "Invalid Condition value for BinaryEquals: %%"),
                arguments("object as condition value", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{"
                        + "\"StringEquals\":{\"k\":{\"a\":1}}}}"),
                        "Invalid Condition value for StringEquals: {\"a\":1}"),
                arguments("empty value list", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{"
                        + "\"StringEquals\":{\"k\":[]}}}"), "Invalid Condition value for StringEquals: empty list"),
                arguments("operator without keys", withStatement("{\"Effect\":\"Allow\"," + principalStar
                        + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{"
                        + "\"StringEquals\":\"x\"}}"), "Invalid Condition block for StringEquals"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refuses(String name, String json, String message) {
        PolicyException e = assertThrows(PolicyException.class, () -> Policy.parse(json));
        assertEquals(message, e.getMessage());
    }

    @Test
    void identityPoliciesNameNoPrincipal() {
        String identity = withStatement("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
        Policy.parse(identity).validateForIdentity();
        PolicyException e = assertThrows(PolicyException.class,
                () -> Policy.parse(withStatement(OK_STATEMENT)).validateForIdentity());
        assertEquals("Policy document should not specify a principal.", e.getMessage());
    }

    @Test
    void tellsWhichConditionKeysItTests() {
        Policy p = Policy.parse(withStatement("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"s3:ExistingObjectTag/security\":\"public\"}}}"));
        assertTrue(p.usesConditionKeys("s3:existingobjecttag/"));
        assertTrue(p.usesConditionKeys("S3:ExistingObjectTag/"));
        assertFalse(p.usesConditionKeys("s3:RequestObjectTag/"));
        assertFalse(Policy.parse(withStatement(OK_STATEMENT)).usesConditionKeys("s3:ExistingObjectTag/"));
    }
}
