package dev.cairn.identity.policy;

import static dev.cairn.identity.policy.Decision.ALLOW;
import static dev.cairn.identity.policy.Decision.NOT_APPLICABLE;
import static dev.cairn.identity.policy.Policies.BUCKET_ARN;
import static dev.cairn.identity.policy.Policies.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Policy variables in Resource and in condition values; escapes, defaults, and version 2008 (no variables). */
class PolicyVariablesTest {

    private static Policy resourcePolicy(String version, String resource) {
        return Policy.parse("{\"Version\":\"" + version + "\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"" + resource + "\"}}");
    }

    static Stream<Arguments> resources() {
        return Stream.of(
                arguments("user name in the key", "/home/${aws:username}/*", "alice", "home/alice/a", ALLOW),
                arguments("user name of someone else", "/home/${aws:username}/*", "alice", "home/bob/a",
                        NOT_APPLICABLE),
                arguments("user id", "/${aws:userid}/*", "alice", "alice/x", ALLOW),
                arguments("variable names are case-insensitive", "/home/${AWS:UserName}/*", "alice", "home/alice/a",
                        ALLOW),
                arguments("substituted value is literal, not a wildcard", "/home/${aws:username}", "a*", "home/abc",
                        NOT_APPLICABLE),
                arguments("substituted value with a star matches itself", "/home/${aws:username}", "a*", "home/a*",
                        ALLOW),
                arguments("unresolved variable matches nothing", "/home/${aws:username}/*", null, "home//a",
                        NOT_APPLICABLE),
                arguments("default for a missing key", "/home/${aws:username, 'public'}/*", null, "home/public/a",
                        ALLOW),
                arguments("default is not used when the key is present", "/home/${aws:username, 'public'}/*",
                        "alice", "home/public/a", NOT_APPLICABLE),
                arguments("default with a doubled quote", "/${aws:username, 'it''s'}", null, "it's", ALLOW),
                arguments("escaped star is literal", "/${*}/a", null, "*/a", ALLOW),
                arguments("escaped star is not a wildcard", "/${*}/a", null, "x/a", NOT_APPLICABLE),
                arguments("escaped question mark is literal", "/what${?}", null, "what?", ALLOW),
                arguments("escaped question mark is not a wildcard", "/what${?}", null, "whatx", NOT_APPLICABLE),
                arguments("escaped dollar", "/${$}{aws:username}", "alice", "${aws:username}", ALLOW),
                arguments("unterminated variable is literal text", "/${aws:username", "alice", "${aws:username",
                        ALLOW),
                arguments("empty variable is literal text", "/${}", "alice", "${}", ALLOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void resource(String name, String pattern, String principal, String key, Decision expected) {
        Policy p = resourcePolicy(Policy.VERSION_2012, BUCKET_ARN + pattern);
        assertEquals(expected, evaluate(p, Policies.get(principal, key)));
    }

    @Test
    void version2008KeepsVariablesAsText() {
        Policy p = resourcePolicy(Policy.VERSION_2008, BUCKET_ARN + "/home/${aws:username}/*");
        assertEquals(NOT_APPLICABLE, evaluate(p, Policies.get("alice", "home/alice/a")));
        assertEquals(ALLOW, evaluate(p, Policies.get("alice", "home/${aws:username}/a")));
    }

    @Test
    void contextKeysCanBeVariablesToo() {
        Policy p = Policies.policy("""
                {"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::examplebucket",
                 "Condition":{"StringEquals":{"s3:prefix":"${aws:username}/${s3:delimiter}"}}}""");
        Request ok = Policies.request("alice", "s3:ListBucket", BUCKET_ARN, "s3:prefix", "alice//",
                "s3:delimiter", "/");
        assertEquals(ALLOW, evaluate(p, ok));
        Request other = Policies.request("alice", "s3:ListBucket", BUCKET_ARN, "s3:prefix", "bob//",
                "s3:delimiter", "/");
        assertEquals(NOT_APPLICABLE, evaluate(p, other));
    }

    @Test
    void multiValuedKeysCannotBeVariables() {
        Policy p = resourcePolicy(Policy.VERSION_2012, BUCKET_ARN + "/${s3:RequestObjectTagKeys}/*");
        Request r = new Request("alice", false, "s3:GetObject", BUCKET_ARN + "/a/x",
                Map.of("s3:RequestObjectTagKeys", List.of("a", "b")));
        assertEquals(NOT_APPLICABLE, evaluate(p, r));
    }

    @Test
    void variablesInStringLikeKeepTheirWildcards() {
        Policy p = Policies.policy(Policies.allowGetWith(
                "{\"StringLike\":{\"aws:Referer\":\"https://${aws:username}.example.com/*\"}}"));
        assertEquals(ALLOW, evaluate(p, Policies.get("alice", "a", "aws:Referer", "https://alice.example.com/x")));
        assertEquals(NOT_APPLICABLE,
                evaluate(p, Policies.get("alice", "a", "aws:Referer", "https://bob.example.com/")));
    }

    @Test
    void negatedConditionWithAnUnresolvedVariableHolds() {
        // Anonymous requests have no aws:username: the value matches nothing, so "not equal" holds.
        Policy p = Policies.policy(Policies.allowGetWith("{\"StringNotEquals\":{\"s3:prefix\":\"${aws:username}\"}}"));
        assertEquals(ALLOW, evaluate(p, Policies.get(null, "a", "s3:prefix", "x")));
        assertEquals(NOT_APPLICABLE, evaluate(p, Policies.get("x", "a", "s3:prefix", "x")));
    }

    @Test
    void variablesAreNotSubstitutedInOtherOperators() {
        // Numeric values are read when the policy is parsed: a variable there is simply not a number.
        PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class,
                () -> Policies.policy(Policies.allowGetWith("{\"NumericEquals\":{\"s3:max-keys\":\"${k}\"}}")));
        assertEquals("Invalid Condition value for NumericEquals: ${k}", e.getMessage());
    }
}
