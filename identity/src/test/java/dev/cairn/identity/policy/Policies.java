package dev.cairn.identity.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders shared by the policy tests. */
final class Policies {

    static final String BUCKET = "examplebucket";
    static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;
    static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    private Policies() {
    }

    /** A 2012-10-17 policy around the given statement objects. */
    static Policy policy(String... statements) {
        return Policy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
    }

    /** An Allow-to-everyone statement on every object of the bucket with the given Condition block. */
    static String allowGetWith(String conditionBlock) {
        return """
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"%s/*","Condition":%s}"""
                .formatted(BUCKET_ARN, conditionBlock);
    }

    /** A request of user {@code principal} (null: anonymous) with the given context pairs (key, value, ...). */
    static Request request(String principal, String action, String resource, String... keyValues) {
        Map<String, List<String>> context = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            context.put(keyValues[i], List.of(keyValues[i + 1]));
        }
        return new Request(principal, false, action, resource, context);
    }

    static Request get(String principal, String key, String... keyValues) {
        return request(principal, "s3:GetObject", BUCKET_ARN + "/" + key, keyValues);
    }

    static Decision evaluate(Policy policy, Request request) {
        return EVALUATOR.evaluate(List.of(policy), request);
    }
}
