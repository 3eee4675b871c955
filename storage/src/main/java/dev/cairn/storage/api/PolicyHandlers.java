package dev.cairn.storage.api;

import dev.cairn.identity.policy.Policy;
import dev.cairn.identity.policy.PolicyException;
import dev.cairn.storage.api.acl.AccessRules;
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
        boolean blocked = call.settings.publicAccessBlock(call.bucket()).map(b -> b.blockPublicPolicy()).orElse(false);
        if (blocked && policy.isPublic()) {
            throw new S3Exception(S3Error.ACCESS_DENIED, "Access Denied: public policies are blocked on this bucket");
        }
        call.settings.setPolicy(call.bucket(), policy);
        call.empty(204);
    }

    void delete(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.settings.setPolicy(call.bucket(), null);
        call.empty(204);
    }

    /**
     * Whether the bucket is public, in the sense of S3's "The meaning of public" that GetBucketPolicyStatus refers
     * to: its policy is public, or its ACL grants to AllUsers or AuthenticatedUsers (unless IgnorePublicAcls makes
     * those grants count for nothing). A bucket with neither is not public, whether or not it has a policy.
     */
    void status(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        AccessRules.BucketAccess bucket = call.access.bucketAccess(call.bucket());
        boolean publicAcl = bucket.acl().isPublic() && !bucket.block().ignorePublicAcls();
        call.xml(200, XmlWriter.s3Document("PolicyStatus").element("IsPublic", bucket.publicPolicy() || publicAcl)
                .finish());
    }
}
