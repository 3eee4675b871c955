package dev.cairn.storage.api;

import dev.cairn.identity.policy.Request;
import dev.cairn.storage.api.http.Operation;
import dev.cairn.storage.api.http.S3Request;
import dev.cairn.storage.api.xml.Tagging;
import io.vertx.core.http.HttpServerRequest;

import java.time.Instant;

/** The policy engine's view of an S3 request: who, which action on which resource, and the condition keys. */
final class Authorization {
    /** Request headers policies may test as {@code s3:<header>} condition keys. */
    private static final String[] CONDITION_HEADERS = {"x-amz-acl", "x-amz-grant-read", "x-amz-grant-write",
        "x-amz-grant-read-acp", "x-amz-grant-write-acp", "x-amz-grant-full-control", "x-amz-server-side-encryption",
        "x-amz-copy-source", "x-amz-metadata-directive", "x-amz-storage-class"};

    /** The condition keys of an object's current tags, one per tag key. */
    static final String EXISTING_TAG = "s3:ExistingObjectTag/";

    private Authorization() {
    }

    static Request request(Authenticator.Principal principal, Operation op, S3Request r, HttpServerRequest http) {
        return request(principal, action(op, r), r.bucket(), r.key(), r, http);
    }

    /** The request for {@code action} on {@code bucket}/{@code key} (key null: the bucket), with r's context. */
    static Request request(Authenticator.Principal principal, String action, String bucket, String key, S3Request r,
                           HttpServerRequest http) {
        return builder(principal, action, bucket, key, r, http).build();
    }

    /** Like {@link #request} but for adding context keys first. */
    static Request.Builder builder(Authenticator.Principal principal, String action, String bucket, String key,
                                   S3Request r, HttpServerRequest http) {
        String resource = "arn:aws:s3:::" + bucket + (key == null ? "" : "/" + key);
        Request.Builder b = Request.builder(principal.owner(), principal.root(), action, resource)
                .secureTransport(http.isSSL()).time(Instant.now());
        if (http.remoteAddress() != null && http.remoteAddress().hostAddress() != null) {
            b.sourceIp(http.remoteAddress().hostAddress());
        }
        for (String p : new String[] {"prefix", "delimiter", "max-keys"}) {
            String v = r.param(p);
            if (v != null) {
                b.put("s3:" + p, v);
            }
        }
        String versionId = r.param("versionId");
        if (versionId != null) {
            b.put("s3:VersionId", versionId);
        }
        requestTags(b, r.header("x-amz-tagging"));
        putHeader(b, r, "aws:UserAgent", "User-Agent");
        putHeader(b, r, "aws:Referer", "Referer");
        for (String h : CONDITION_HEADERS) {
            putHeader(b, r, "s3:" + h, h);
        }
        return b;
    }

    /** {@code s3:RequestObjectTag/<key>} and {@code s3:RequestObjectTagKeys} of the tags a write sets. */
    private static void requestTags(Request.Builder b, String header) {
        if (header == null) {
            return;
        }
        Tagging tags;
        try {
            tags = Tagging.fromHeader(header, Tagging.Scope.OBJECT);
        } catch (S3Exception e) {
            return; // the handler refuses the header; policies just see no tags
        }
        for (Tagging.Tag t : tags.tags()) {
            b.put("s3:RequestObjectTag/" + t.key(), t.value());
        }
        b.put("s3:RequestObjectTagKeys", tags.tags().stream().map(Tagging.Tag::key).toList());
    }

    /** {@code s3:ExistingObjectTag/<key>} for each of an object's current tags. */
    static void existingTags(Request.Builder b, Tagging tags) {
        for (Tagging.Tag t : tags.tags()) {
            b.put(EXISTING_TAG + t.key(), t.value());
        }
    }

    private static void putHeader(Request.Builder b, S3Request r, String key, String header) {
        String v = r.header(header);
        if (v != null) {
            b.put(key, v);
        }
    }

    /** The IAM action; a few operations name a different action when they address an object or a version. */
    static String action(Operation op, S3Request r) {
        boolean object = r.key() != null;
        boolean version = r.param("versionId") != null;
        return switch (op) {
            case GET_ACL -> object ? (version ? "s3:GetObjectVersionAcl" : "s3:GetObjectAcl") : "s3:GetBucketAcl";
            case PUT_ACL -> object ? (version ? "s3:PutObjectVersionAcl" : "s3:PutObjectAcl") : "s3:PutBucketAcl";
            case GET_OBJECT, HEAD_OBJECT -> version ? "s3:GetObjectVersion" : "s3:GetObject";
            case DELETE_OBJECT -> version ? "s3:DeleteObjectVersion" : "s3:DeleteObject";
            case GET_OBJECT_TAGGING -> version ? "s3:GetObjectVersionTagging" : "s3:GetObjectTagging";
            case PUT_OBJECT_TAGGING -> version ? "s3:PutObjectVersionTagging" : "s3:PutObjectTagging";
            case DELETE_OBJECT_TAGGING -> version ? "s3:DeleteObjectVersionTagging" : "s3:DeleteObjectTagging";
            default -> op.action;
        };
    }
}
