package dev.cairn.identity.policy;

import static dev.cairn.identity.policy.Policies.BUCKET_ARN;
import static dev.cairn.identity.policy.Policies.allowGetWith;
import static dev.cairn.identity.policy.Policies.evaluate;
import static dev.cairn.identity.policy.Policies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every condition operator, with a case that holds and one that does not, plus the absent-key rules, IfExists and
 * the set operators. Each case is a one-statement Allow whose Condition is {@code {op: {key: values}}}; "holds"
 * means the request is allowed.
 */
class ConditionOperatorTest {

    /** {@code null} context values: the key is absent from the request. */
    private static Arguments c(String name, String op, String key, String policyValues, List<String> actual,
            boolean holds) {
        return arguments(name, op, key, policyValues, actual, holds);
    }

    private static List<String> v(String... values) {
        return List.of(values);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // String operators
                c("StringEquals exact", "StringEquals", "aws:UserAgent", "\"curl/8\"", v("curl/8"), true),
                c("StringEquals is case-sensitive", "StringEquals", "aws:UserAgent", "\"curl/8\"", v("CURL/8"), false),
                c("StringEquals has no wildcards", "StringEquals", "aws:UserAgent", "\"curl*\"", v("curl/8"), false),
                c("StringEquals values are OR'ed", "StringEquals", "s3:x-amz-acl", "[\"private\",\"public-read\"]",
                        v("public-read"), true),
                c("StringEquals absent key", "StringEquals", "s3:x-amz-acl", "\"private\"", null, false),
                c("StringNotEquals differs", "StringNotEquals", "s3:x-amz-acl", "\"private\"", v("public-read"), true),
                c("StringNotEquals same", "StringNotEquals", "s3:x-amz-acl", "\"private\"", v("private"), false),
                c("StringNotEquals values are NOR'ed", "StringNotEquals", "s3:x-amz-acl",
                        "[\"private\",\"public-read\"]", v("public-read"), false),
                c("StringNotEquals absent key holds", "StringNotEquals", "s3:x-amz-acl", "\"private\"", null, true),
                c("StringEqualsIgnoreCase", "StringEqualsIgnoreCase", "aws:UserAgent", "\"Curl/8\"", v("cURL/8"), true),
                c("StringEqualsIgnoreCase differs", "StringEqualsIgnoreCase", "aws:UserAgent", "\"curl/8\"",
                        v("curl/9"), false),
                c("StringNotEqualsIgnoreCase differs", "StringNotEqualsIgnoreCase", "aws:UserAgent", "\"curl/8\"",
                        v("wget"), true),
                c("StringNotEqualsIgnoreCase same but case", "StringNotEqualsIgnoreCase", "aws:UserAgent",
                        "\"curl/8\"", v("CURL/8"), false),
                c("StringLike star", "StringLike", "s3:prefix", "\"home/*\"", v("home/alice/"), true),
                c("StringLike star matches empty", "StringLike", "s3:prefix", "\"home/*\"", v("home/"), true),
                c("StringLike question mark", "StringLike", "s3:prefix", "\"h?me\"", v("hime"), true),
                c("StringLike question mark is one char", "StringLike", "s3:prefix", "\"h?me\"", v("hme"), false),
                c("StringLike no match", "StringLike", "s3:prefix", "\"home/*\"", v("work/"), false),
                c("StringLike is case-sensitive", "StringLike", "s3:prefix", "\"home/*\"", v("Home/x"), false),
                c("StringLike empty value matches empty", "StringLike", "s3:prefix", "[\"\",\"home/\"]", v(""), true),
                c("StringNotLike no match holds", "StringNotLike", "aws:Referer", "\"http://example.com/*\"",
                        v("http://evil.example/"), true),
                c("StringNotLike match", "StringNotLike", "aws:Referer", "\"http://example.com/*\"",
                        v("http://example.com/a"), false),
                c("StringNotLike absent key holds", "StringNotLike", "aws:Referer", "\"x*\"", null, true),
                // Numeric
                c("NumericEquals", "NumericEquals", "s3:max-keys", "\"10\"", v("10"), true),
                c("NumericEquals by value", "NumericEquals", "s3:max-keys", "10", v("10.0"), true),
                c("NumericEquals differs", "NumericEquals", "s3:max-keys", "10", v("11"), false),
                c("NumericEquals non-number request value", "NumericEquals", "s3:max-keys", "10", v("ten"), false),
                c("NumericNotEquals differs", "NumericNotEquals", "s3:max-keys", "10", v("11"), true),
                c("NumericNotEquals same", "NumericNotEquals", "s3:max-keys", "10", v("10"), false),
                c("NumericLessThan", "NumericLessThan", "s3:max-keys", "10", v("9"), true),
                c("NumericLessThan equal", "NumericLessThan", "s3:max-keys", "10", v("10"), false),
                c("NumericLessThanEquals equal", "NumericLessThanEquals", "s3:max-keys", "10", v("10"), true),
                c("NumericLessThanEquals greater", "NumericLessThanEquals", "s3:max-keys", "10", v("11"), false),
                c("NumericGreaterThan", "NumericGreaterThan", "aws:MultiFactorAuthAge", "3600", v("3601"), true),
                c("NumericGreaterThan equal", "NumericGreaterThan", "aws:MultiFactorAuthAge", "3600", v("3600"), false),
                c("NumericGreaterThanEquals equal", "NumericGreaterThanEquals", "s3:max-keys", "5", v("5"), true),
                c("NumericGreaterThanEquals less", "NumericGreaterThanEquals", "s3:max-keys", "5", v("4"), false),
                c("NumericLessThan decimals", "NumericLessThan", "s3:max-keys", "1.5", v("1.25"), true),
                c("NumericLessThan absent key", "NumericLessThan", "s3:max-keys", "10", null, false),
                c("NumericNotEquals absent key holds", "NumericNotEquals", "s3:max-keys", "10", null, true),
                // Date
                c("DateEquals ISO", "DateEquals", "aws:CurrentTime", "\"2024-01-01T00:00:00Z\"",
                        v("2024-01-01T00:00:00Z"), true),
                c("DateEquals offset", "DateEquals", "aws:CurrentTime", "\"2024-01-01T02:00:00+02:00\"",
                        v("2024-01-01T00:00:00Z"), true),
                c("DateEquals epoch seconds", "DateEquals", "aws:EpochTime", "\"1704067200\"", v("1704067200"), true),
                c("DateEquals epoch vs ISO", "DateEquals", "aws:CurrentTime", "1704067200",
                        v("2024-01-01T00:00:00Z"), true),
                c("DateEquals differs", "DateEquals", "aws:CurrentTime", "\"2024-01-01\"", v("2024-01-02T00:00:00Z"),
                        false),
                c("DateNotEquals differs", "DateNotEquals", "aws:CurrentTime", "\"2024-01-01\"",
                        v("2024-01-02T00:00:00Z"), true),
                c("DateNotEquals same", "DateNotEquals", "aws:CurrentTime", "\"2024-01-01\"",
                        v("2024-01-01T00:00:00Z"), false),
                c("DateLessThan", "DateLessThan", "aws:CurrentTime", "\"2024-06-01T00:00:00Z\"",
                        v("2024-05-31T23:59:59Z"), true),
                c("DateLessThan after", "DateLessThan", "aws:CurrentTime", "\"2024-06-01T00:00:00Z\"",
                        v("2024-06-01T00:00:01Z"), false),
                c("DateLessThanEquals same", "DateLessThanEquals", "aws:CurrentTime", "\"2024-06-01T00:00:00Z\"",
                        v("2024-06-01T00:00:00.000Z"), true),
                c("DateLessThanEquals after", "DateLessThanEquals", "aws:CurrentTime", "\"2024-06-01T00:00:00Z\"",
                        v("2024-06-02T00:00:00Z"), false),
                c("DateGreaterThan", "DateGreaterThan", "aws:CurrentTime", "\"2024-06-01T00:00:00Z\"",
                        v("2024-07-01T00:00:00Z"), true),
                c("DateGreaterThan before", "DateGreaterThan", "aws:CurrentTime", "\"2024-06-01T00:00:00Z\"",
                        v("2024-05-01T00:00:00Z"), false),
                c("DateGreaterThanEquals same", "DateGreaterThanEquals", "aws:CurrentTime", "\"2024-06-01\"",
                        v("2024-06-01T00:00:00Z"), true),
                c("DateGreaterThanEquals before", "DateGreaterThanEquals", "aws:CurrentTime", "\"2024-06-01\"",
                        v("2024-05-31T00:00:00Z"), false),
                c("DateLessThan unreadable request date", "DateLessThan", "aws:CurrentTime", "\"2024-06-01\"",
                        v("yesterday"), false),
                // Bool
                c("Bool true", "Bool", "aws:SecureTransport", "\"true\"", v("true"), true),
                c("Bool JSON boolean", "Bool", "aws:SecureTransport", "false", v("false"), true),
                c("Bool case-insensitive", "Bool", "aws:SecureTransport", "\"True\"", v("TRUE"), true),
                c("Bool differs", "Bool", "aws:SecureTransport", "true", v("false"), false),
                c("Bool absent key", "Bool", "aws:SecureTransport", "false", null, false),
                // Binary
                c("BinaryEquals", "BinaryEquals", "key", "\"QmluYXJ5VmFsdWU=\"", v("QmluYXJ5VmFsdWU="), true),
                c("BinaryEquals differs", "BinaryEquals", "key", "\"QmluYXJ5VmFsdWU=\"", v("T3RoZXI="), false),
                c("BinaryEquals not base64", "BinaryEquals", "key", "\"QmluYXJ5VmFsdWU=\"", v("%%%"), false),
                // IP
                c("IpAddress IPv4 CIDR", "IpAddress", "aws:SourceIp", "\"192.0.2.0/24\"", v("192.0.2.77"), true),
                c("IpAddress IPv4 outside", "IpAddress", "aws:SourceIp", "\"192.0.2.0/24\"", v("192.0.3.1"), false),
                c("IpAddress bare address", "IpAddress", "aws:SourceIp", "\"203.0.113.9\"", v("203.0.113.9"), true),
                c("IpAddress odd prefix", "IpAddress", "aws:SourceIp", "\"10.0.0.0/9\"", v("10.127.255.255"), true),
                c("IpAddress odd prefix outside", "IpAddress", "aws:SourceIp", "\"10.0.0.0/9\"", v("10.128.0.0"),
                        false),
                c("IpAddress IPv6", "IpAddress", "aws:SourceIp", "\"2001:DB8:1234:5678::/64\"",
                        v("2001:db8:1234:5678:abcd::1"), true),
                c("IpAddress IPv6 outside", "IpAddress", "aws:SourceIp", "\"2001:DB8:1234:5678::/64\"",
                        v("2001:db8:1234:5679::1"), false),
                c("IpAddress IPv4-mapped client", "IpAddress", "aws:SourceIp", "\"192.0.2.0/24\"",
                        v("::ffff:192.0.2.5"), true),
                c("IpAddress host name never resolves", "IpAddress", "aws:SourceIp", "\"127.0.0.0/8\"",
                        v("localhost"), false),
                c("IpAddress list OR'ed", "IpAddress", "aws:SourceIp", "[\"192.0.2.0/24\",\"2001:db8::/32\"]",
                        v("2001:db8::5"), true),
                c("NotIpAddress outside holds", "NotIpAddress", "aws:SourceIp", "\"192.0.2.0/24\"", v("198.51.100.1"),
                        true),
                c("NotIpAddress inside", "NotIpAddress", "aws:SourceIp", "\"192.0.2.0/24\"", v("192.0.2.1"), false),
                c("NotIpAddress absent key holds", "NotIpAddress", "aws:SourceIp", "\"192.0.2.0/24\"", null, true),
                // Null
                c("Null true on absent key", "Null", "s3:x-amz-server-side-encryption", "\"true\"", null, true),
                c("Null true on present key", "Null", "s3:x-amz-server-side-encryption", "true", v("AES256"), false),
                c("Null false on present key", "Null", "s3:x-amz-server-side-encryption", "\"false\"", v("AES256"),
                        true),
                c("Null false on absent key", "Null", "s3:x-amz-server-side-encryption", "false", null, false),
                c("Null treats an empty list as absent", "Null", "s3:x-amz-server-side-encryption", "true", v(),
                        true),
                // ARN
                c("ArnEquals", "ArnEquals", "aws:SourceArn", "\"arn:aws:s3:::logs\"", v("arn:aws:s3:::logs"), true),
                c("ArnEquals differs", "ArnEquals", "aws:SourceArn", "\"arn:aws:s3:::logs\"", v("arn:aws:s3:::web"),
                        false),
                c("ArnLike wildcard per component", "ArnLike", "aws:SourceArn", "\"arn:aws:s3:::log*\"",
                        v("arn:aws:s3:::logs-2024"), true),
                c("ArnLike star does not cross a colon", "ArnLike", "aws:SourceArn",
                        "\"arn:aws:iam::*:user/bob\"", v("arn:aws:iam::123:456:user/bob"), false),
                c("ArnLike account wildcard", "ArnLike", "aws:SourceArn", "\"arn:aws:iam::*:user/bob\"",
                        v("arn:aws:iam::123456789012:user/bob"), true),
                c("ArnLike resource keeps colons", "ArnLike", "aws:SourceArn", "\"arn:aws:s3:::b/*\"",
                        v("arn:aws:s3:::b/a:b:c"), true),
                c("ArnLike request value not an ARN", "ArnLike", "aws:SourceArn", "\"arn:aws:s3:::*\"", v("bucket"),
                        false),
                c("ArnNotEquals differs", "ArnNotEquals", "aws:SourceArn", "\"arn:aws:s3:::logs\"",
                        v("arn:aws:s3:::web"), true),
                c("ArnNotEquals same", "ArnNotEquals", "aws:SourceArn", "\"arn:aws:s3:::logs\"",
                        v("arn:aws:s3:::logs"), false),
                c("ArnNotLike no match holds", "ArnNotLike", "aws:SourceArn", "\"arn:aws:s3:::log*\"",
                        v("arn:aws:s3:::web"), true),
                c("ArnNotLike match", "ArnNotLike", "aws:SourceArn", "\"arn:aws:s3:::log*\"",
                        v("arn:aws:s3:::logs"), false),
                c("ArnNotLike absent key holds", "ArnNotLike", "aws:SourceArn", "\"arn:aws:s3:::log*\"", null, true),
                // IfExists
                c("StringLikeIfExists absent key holds", "StringLikeIfExists", "aws:Referer",
                        "\"http://www.example.com/*\"", null, true),
                c("StringLikeIfExists present and matching", "StringLikeIfExists", "aws:Referer",
                        "\"http://www.example.com/*\"", v("http://www.example.com/index.html"), true),
                c("StringLikeIfExists present, not matching", "StringLikeIfExists", "aws:Referer",
                        "\"http://www.example.com/*\"", v("http://example.com"), false),
                c("NumericLessThanIfExists absent key holds", "NumericLessThanIfExists", "s3:max-keys", "10", null,
                        true),
                c("StringNotEqualsIfExists present and equal", "StringNotEqualsIfExists", "s3:x-amz-acl",
                        "\"public-read\"", v("public-read"), false),
                c("BoolIfExists absent key holds", "BoolIfExists", "aws:SecureTransport", "true", null, true),
                // Multi-valued keys and set operators
                c("plain operator, any request value", "StringEquals", "s3:RequestObjectTagKeys", "\"Owner\"",
                        v("Project", "Owner"), true),
                c("plain negated operator, no request value may match", "StringNotEquals", "s3:RequestObjectTagKeys",
                        "\"Owner\"", v("Project", "Owner"), false),
                c("ForAnyValue one of several", "ForAnyValue:StringEquals", "s3:RequestObjectTagKeys",
                        "[\"Owner\",\"CreationDate\"]", v("Project", "Owner"), true),
                c("ForAnyValue none", "ForAnyValue:StringEquals", "s3:RequestObjectTagKeys", "\"Owner\"",
                        v("Project"), false),
                c("ForAnyValue absent key", "ForAnyValue:StringEquals", "s3:RequestObjectTagKeys", "\"Owner\"", null,
                        false),
                c("ForAnyValue IfExists absent key", "ForAnyValue:StringEqualsIfExists", "s3:RequestObjectTagKeys",
                        "\"Owner\"", null, true),
                c("ForAnyValue negated: one value outside", "ForAnyValue:StringNotEquals", "s3:RequestObjectTagKeys",
                        "\"Owner\"", v("Owner", "Project"), true),
                c("ForAnyValue negated: all inside", "ForAnyValue:StringNotEquals", "s3:RequestObjectTagKeys",
                        "\"Owner\"", v("Owner"), false),
                c("ForAnyValue negated absent key", "ForAnyValue:StringNotEquals", "s3:RequestObjectTagKeys",
                        "\"Owner\"", null, false),
                c("ForAllValues subset", "ForAllValues:StringEquals", "s3:RequestObjectTagKeys",
                        "[\"Owner\",\"CreationDate\"]", v("Owner", "CreationDate"), true),
                c("ForAllValues one outside", "ForAllValues:StringEquals", "s3:RequestObjectTagKeys",
                        "[\"Owner\",\"CreationDate\"]", v("Owner", "Project"), false),
                c("ForAllValues absent key holds", "ForAllValues:StringEquals", "s3:RequestObjectTagKeys",
                        "\"Owner\"", null, true),
                c("ForAllValues empty set holds", "ForAllValues:StringEquals", "s3:RequestObjectTagKeys", "\"Owner\"",
                        v(), true),
                c("ForAllValues StringLike", "ForAllValues:StringLike", "aws:TagKeys", "\"Created*\"",
                        v("CreatedBy", "CreatedAt"), true),
                c("ForAllValues negated: none inside", "ForAllValues:StringNotEquals", "s3:RequestObjectTagKeys",
                        "[\"Secret\",\"Internal\"]", v("Owner", "Project"), true),
                c("ForAllValues negated: one inside", "ForAllValues:StringNotEquals", "s3:RequestObjectTagKeys",
                        "[\"Secret\",\"Internal\"]", v("Owner", "Secret"), false),
                c("ForAllValues NumericLessThan", "ForAllValues:NumericLessThan", "k", "10", v("1", "9"), true),
                c("ForAllValues NumericLessThan one too big", "ForAllValues:NumericLessThan", "k", "10", v("1", "10"),
                        false),
                // Key names are case-insensitive
                c("condition key name case-insensitive", "StringEquals", "AWS:sourceip", "\"192.0.2.1\"",
                        v("192.0.2.1"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void operator(String name, String op, String key, String policyValues, List<String> actual, boolean holds) {
        Policy p = policy(allowGetWith("{\"%s\":{\"%s\":%s}}".formatted(op, key, policyValues)));
        // The request context uses a differently cased key where the test says so; the engine lower-cases both.
        String contextKey = key.equalsIgnoreCase("aws:sourceip") ? "aws:SourceIp" : key;
        Map<String, List<String>> context = actual == null ? Map.of() : Map.of(contextKey, actual);
        Request request = new Request("alice", false, "s3:GetObject", BUCKET_ARN + "/photo.jpg", context);
        assertEquals(holds ? Decision.ALLOW : Decision.NOT_APPLICABLE, evaluate(p, request));
    }
}
