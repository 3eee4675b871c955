package dev.cairn.storage.api;

import dev.cairn.storage.api.acl.AccessRules;
import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.acl.AclDocument;
import dev.cairn.storage.api.acl.CannedAcl;
import dev.cairn.storage.object.ObjectInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Map;

/**
 * GetBucketAcl/GetObjectAcl and PutBucketAcl/PutObjectAcl. A bucket's ACL is bucket configuration; an object's is
 * in its version's metadata ({@link ObjectAcls}). With Object Ownership BucketOwnerEnforced, ACLs are disabled:
 * reads report the bucket owner's full control and writes are AccessControlListNotSupported, as in S3.
 */
final class AclHandlers {

    void getAcl(S3Call call) {
        AccessRules.BucketAccess bucket = call.access.bucketAccess(call.bucket());
        if (call.key() == null) {
            call.layer.getBucketInfo(call.bucket());
            call.xml(200, AclDocument.write(bucket.acl()));
            return;
        }
        String versionId = ObjectRequests.versionId(call.request());
        ObjectInfo info = call.layer.getObjectInfo(call.bucket(), call.key(), versionId);
        versionHeader(call, versionId, info);
        call.xml(200, AclDocument.write(ObjectAcls.of(info, bucket)));
    }

    void putAcl(S3Call call) throws IOException {
        AccessRules.BucketAccess bucket = call.access.bucketAccess(call.bucket());
        if (call.key() == null) {
            call.layer.getBucketInfo(call.bucket());
            if (!bucket.ownership().aclsEnabled()) {
                throw notSupported();
            }
            Acl acl = requested(call, bucket.owner(), canned -> canned.forBucket(bucket.owner()));
            checkNotBlocked(acl, bucket);
            call.settings.setAcl(call.bucket(), acl);
            call.empty(200);
            return;
        }
        String versionId = ObjectRequests.versionId(call.request());
        ObjectInfo info = call.layer.getObjectInfo(call.bucket(), call.key(), versionId);
        if (!bucket.ownership().aclsEnabled()) {
            throw notSupported();
        }
        String owner = ObjectAcls.of(info, bucket).owner();
        Acl acl = requested(call, owner, canned -> canned.forObject(owner, bucket.owner()));
        checkNotBlocked(acl, bucket);
        Map<String, String> metadata = new java.util.HashMap<>(info.metadata());
        ObjectAcls.store(metadata, acl, bucket);
        call.layer.updateObjectMetadata(call.bucket(), call.key(), info.versionId(), metadata);
        versionHeader(call, versionId, info);
        call.empty(200);
    }

    /**
     * The ACL a PutBucketAcl/PutObjectAcl asks for, on a resource owned by {@code owner}: from {@code x-amz-acl},
     * from the grant headers, or from the AccessControlPolicy body, exactly one of them. A body may not hand the
     * resource to another owner.
     */
    private static Acl requested(S3Call call, String owner, java.util.function.Function<CannedAcl, Acl> fromCanned)
            throws IOException {
        Acl fromHeaders = AclHeaders.requested(call, owner, fromCanned);
        if (fromHeaders != null) {
            if (hasBody(call.body())) {
                throw new S3Exception(S3Error.UNEXPECTED_CONTENT,
                        "This request does not support content with an ACL in its headers");
            }
            return fromHeaders;
        }
        AclDocument.Parsed doc = AclDocument.parse(call.body(), call.access.resolver());
        if (doc.ownerId() != null && !doc.ownerId().equals(owner)) {
            throw new S3Exception(S3Error.ACCESS_DENIED, "An ACL cannot change the owner");
        }
        return new Acl(owner, doc.grants());
    }

    private static boolean hasBody(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, 1);
        return in.read() >= 0;
    }

    /** With BlockPublicAcls set, a public ACL is refused: AccessDenied, as S3 answers. */
    static void checkNotBlocked(Acl acl, AccessRules.BucketAccess bucket) {
        if (bucket.block().blockPublicAcls() && acl.isPublic()) {
            throw new S3Exception(S3Error.ACCESS_DENIED, "Access Denied: public ACLs are blocked on this bucket");
        }
    }

    static S3Exception notSupported() {
        return new S3Exception(S3Error.ACCESS_CONTROL_LIST_NOT_SUPPORTED, "The bucket does not allow ACLs");
    }

    private static void versionHeader(S3Call call, String versionId, ObjectInfo info) {
        if (versionId != null || !ObjectInfo.NULL_VERSION_ID.equals(info.versionId())) {
            call.header("x-amz-version-id", info.versionId());
        }
    }
}
