package dev.cairn.storage.api;

import dev.cairn.storage.api.acl.AccessRules;
import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.acl.CannedAcl;
import dev.cairn.storage.api.acl.GrantHeaders;
import dev.cairn.storage.api.acl.ObjectOwnership;
import dev.cairn.storage.object.ObjectInfo;

import java.util.Map;

/**
 * Object ACLs: each version's ACL is stored in its metadata under {@link #METADATA_KEY} (never sent as a header),
 * so it is versioned with the object and changes without rewriting data. A version without one has the default:
 * private to the bucket owner (versions written before ACLs were stored, and every version whose ACL is exactly
 * that, which is not stored at all).
 */
final class ObjectAcls {
    static final String METADATA_KEY = "x-cairn-acl";

    private ObjectAcls() {
    }

    /** The ACL that governs a version: with ACLs disabled, the bucket owner's full control, whatever is stored. */
    static Acl of(Map<String, String> metadata, AccessRules.BucketAccess bucket) {
        String stored = metadata.get(METADATA_KEY);
        if (stored == null || !bucket.ownership().aclsEnabled()) {
            return Acl.privateFor(bucket.owner());
        }
        return Acl.decode(stored);
    }

    static Acl of(ObjectInfo info, AccessRules.BucketAccess bucket) {
        return of(info.metadata(), bucket);
    }

    /** Puts (or, when it is the default, leaves out) {@code acl} in a version's metadata. */
    static void store(Map<String, String> metadata, Acl acl, AccessRules.BucketAccess bucket) {
        if (acl.equals(Acl.privateFor(bucket.owner()))) {
            metadata.remove(METADATA_KEY);
        } else {
            metadata.put(METADATA_KEY, acl.encode());
        }
    }

    /**
     * The ACL of an object {@code writer} is writing (PutObject, CopyObject, CreateMultipartUpload, POST): from a
     * canned ACL ({@code cannedValue}: {@code x-amz-acl}, or a form's {@code acl} field) or the {@code x-amz-grant-*}
     * headers (not both), owned as the bucket's Object Ownership says. With ACLs disabled only
     * {@code bucket-owner-full-control} (or nothing) is accepted.
     */
    static Acl forWrite(S3Call call, AccessRules.BucketAccess bucket, String cannedValue, String writer) {
        CannedAcl canned = AclHeaders.canned(call, cannedValue);
        boolean grants = GrantHeaders.present(call.request()::header);
        String owner = switch (bucket.ownership()) {
            case BUCKET_OWNER_ENFORCED -> {
                if (grants || canned != null && canned != CannedAcl.BUCKET_OWNER_FULL_CONTROL) {
                    throw AclHandlers.notSupported();
                }
                yield bucket.owner();
            }
            case BUCKET_OWNER_PREFERRED -> canned == CannedAcl.BUCKET_OWNER_FULL_CONTROL ? bucket.owner() : writer;
            case OBJECT_WRITER -> writer;
        };
        if (bucket.ownership() == ObjectOwnership.BUCKET_OWNER_ENFORCED) {
            return Acl.privateFor(owner);
        }
        Acl acl = grants ? new Acl(owner, GrantHeaders.parse(call.request()::header, call.access.resolver()))
                : (canned == null ? CannedAcl.PRIVATE : canned).forObject(writer, bucket.owner()).withOwner(owner);
        AclHandlers.checkNotBlocked(acl, bucket);
        return acl;
    }
}
