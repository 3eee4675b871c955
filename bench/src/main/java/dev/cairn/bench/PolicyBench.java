package dev.cairn.bench;

import dev.cairn.identity.policy.Decision;
import dev.cairn.identity.policy.Policy;
import dev.cairn.identity.policy.PolicyEvaluator;
import dev.cairn.identity.policy.Request;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bucket-policy cost per request. The policy has ten statements, most with conditions (TLS, source IP, prefix with
 * a policy variable, tags, time window, referer, ACL header, Null check). {@code evaluateAllowed}: a signed GET that
 * one Allow grants, so every statement is checked (a later Deny could still win). {@code evaluateDenied}: a request
 * stopped by an explicit Deny. {@code authorizeOwner}: the full combination for the bucket owner. {@code parse}:
 * reading and validating the policy, as PutBucketPolicy (or a cache miss) does.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class PolicyBench {

    static final String BUCKET = "photos";

    static final String POLICY = """
            {"Version":"2012-10-17","Id":"bench","Statement":[
             {"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
              "Resource":["arn:aws:s3:::photos","arn:aws:s3:::photos/*"],
              "Condition":{"Bool":{"aws:SecureTransport":"false"}}},
             {"Sid":"OfficeOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
              "Resource":["arn:aws:s3:::photos","arn:aws:s3:::photos/*"],
              "Condition":{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","2001:db8::/32"]}}},
             {"Sid":"NoUnencryptedPuts","Effect":"Deny","Principal":"*","Action":"s3:PutObject",
              "Resource":"arn:aws:s3:::photos/*","Condition":{"Null":{"s3:x-amz-server-side-encryption":"true"}}},
             {"Sid":"ListOwnFolder","Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:ListBucket",
              "Resource":"arn:aws:s3:::photos",
              "Condition":{"StringLike":{"s3:prefix":["","home/","home/${aws:username}/*"]}}},
             {"Sid":"OwnFolder","Effect":"Allow","Principal":{"AWS":"*"},"Action":["s3:GetObject","s3:PutObject"],
              "Resource":"arn:aws:s3:::photos/home/${aws:username}/*"},
             {"Sid":"ProductionTagged","Effect":"Allow",
              "Principal":{"AWS":["arn:aws:iam::1:user/carol","arn:aws:iam::1:user/dave"]},"Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::photos/*",
              "Condition":{"StringEquals":{"s3:ExistingObjectTag/environment":"production"}}},
             {"Sid":"TaggedUploads","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:user/erin"},
              "Action":"s3:PutObject","Resource":"arn:aws:s3:::photos/uploads/*",
              "Condition":{"ForAllValues:StringLike":{"s3:RequestObjectTagKeys":["Owner","Created*"]},
               "StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control"}}},
             {"Sid":"Campaign","Effect":"Allow","Principal":"*","Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::photos/campaign/*",
              "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2024-01-01T00:00:00Z"},
               "DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}},
             {"Sid":"Referer","Effect":"Allow","Principal":"*","Action":"s3:GetObject",
              "Resource":"arn:aws:s3:::photos/public/*",
              "Condition":{"StringLike":{"aws:Referer":["https://www.example.com/*","https://example.com/*"]}}},
             {"Sid":"SmallListings","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:user/frank"},
              "Action":"s3:ListBucket","Resource":"arn:aws:s3:::photos",
              "Condition":{"NumericLessThanEquals":{"s3:max-keys":"100"}}}]}""";

    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private List<Policy> policies;
    private Policy policy;
    private Request allowed;
    private Request denied;

    @Setup
    public void setUp() {
        policy = Policy.parseBucketPolicy(POLICY, BUCKET);
        policies = List.of(policy);
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        allowed = Request.builder("alice", false, "s3:GetObject", "arn:aws:s3:::photos/home/alice/cat.jpg")
                .sourceIp("192.0.2.17").secureTransport(true).time(now)
                .put("aws:UserAgent", "aws-sdk-java/2.56.0")
                .put("aws:Referer", "https://www.example.com/gallery")
                .put("s3:ExistingObjectTag/environment", "staging")
                .build();
        denied = Request.builder("alice", false, "s3:GetObject", "arn:aws:s3:::photos/home/alice/cat.jpg")
                .sourceIp("198.51.100.4").secureTransport(true).time(now).build();
        if (evaluator.evaluate(policies, allowed) != Decision.ALLOW
                || evaluator.evaluate(policies, denied) != Decision.DENY) {
            throw new IllegalStateException("benchmark requests do not evaluate as intended");
        }
    }

    @Benchmark
    public Decision evaluateAllowed() {
        return evaluator.evaluate(policies, allowed);
    }

    @Benchmark
    public Decision evaluateDenied() {
        return evaluator.evaluate(policies, denied);
    }

    @Benchmark
    public Decision authorizeOwner() {
        return evaluator.authorize(allowed, "alice", policy, List.of());
    }

    @Benchmark
    public Policy parse() {
        return Policy.parseBucketPolicy(POLICY, BUCKET);
    }
}
