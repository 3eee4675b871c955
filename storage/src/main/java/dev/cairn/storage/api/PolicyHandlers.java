package dev.cairn.storage.api;

import dev.cairn.identity.policy.Policy;
import dev.cairn.identity.policy.PolicyException;
import dev.cairn.storage.api.xml.XmlWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Put/Get/DeleteBucketPolicy and GetBucketPolicyStatus. The policy is stored as the client sent it. */
final class PolicyHandlers {

    void get(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        Policy p = call.settings.policy(call.bucket()).orElseThrow(() -> new S3Exception(S3Error.NO_SUCH_BUCKET_POLICY,
                "The bucket policy does not exist"));
        byte[] json = p.json().getBytes(StandardCharsets.UTF_8);
        call.response.setStatusCode(200).putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(json.length)).end(io.vertx.core.buffer.Buffer.buffer(json));
    }

    void put(S3Call call) throws IOException {
        call.layer.getBucketInfo(call.bucket());
        byte[] body = call.body().readNBytes(Policy.MAX_BUCKET_POLICY_BYTES + 1);
        if (body.length > Policy.MAX_BUCKET_POLICY_BYTES) {
            throw new S3Exception(S3Error.POLICY_TOO_LARGE, "Policy exceeds the maximum allowed document size.");
        }
        Policy policy;
        try {
            policy = Policy.parseBucketPolicy(new String(body, StandardCharsets.UTF_8), call.bucket());
        } catch (PolicyException e) {
            throw new S3Exception(S3Error.MALFORMED_POLICY, e.getMessage());
        }
        call.settings.setPolicy(call.bucket(), policy);
        call.empty(204);
    }

    void delete(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.settings.setPolicy(call.bucket(), null);
        call.empty(204);
    }

    void status(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        Policy p = call.settings.policy(call.bucket()).orElseThrow(() -> new S3Exception(S3Error.NO_SUCH_BUCKET_POLICY,
                "The bucket policy does not exist"));
        call.xml(200, XmlWriter.s3Document("PolicyStatus").element("IsPublic", p.isPublic()).finish());
    }
}
