package dev.cairn.storage.api;

import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.acl.ObjectOwnership;
import dev.cairn.storage.api.acl.PublicAccessBlock;

/** Object Ownership controls ({@code ?ownershipControls}) and the public access block ({@code ?publicAccessBlock}). */
final class BucketAccessHandlers {

    void getOwnership(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        ObjectOwnership o = call.settings.ownership(call.bucket()).orElseThrow(() -> new S3Exception(
                S3Error.OWNERSHIP_CONTROLS_NOT_FOUND, "The bucket ownership controls were not found"));
        call.xml(200, o.toXml());
    }

    void putOwnership(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        ObjectOwnership o = ObjectOwnership.parse(call.body());
        requireAclFits(o, call.settings.acl(call.bucket()).orElse(null));
        call.settings.setOwnership(call.bucket(), o);
        call.empty(200);
    }

    void deleteOwnership(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.settings.setOwnership(call.bucket(), null);
        call.empty(204);
    }

    /**
     * Disabling ACLs (BucketOwnerEnforced) needs a bucket ACL that gives nobody but the owner anything: S3 refuses
     * with InvalidBucketAclWithObjectOwnership rather than silently drop grants others rely on.
     */
    static void requireAclFits(ObjectOwnership o, Acl bucketAcl) {
        if (o == ObjectOwnership.BUCKET_OWNER_ENFORCED && bucketAcl != null && !bucketAcl.grantsOnlyOwner()) {
            throw new S3Exception(S3Error.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP,
                    "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
        }
    }

    void getPublicAccessBlock(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        PublicAccessBlock b = call.settings.publicAccessBlock(call.bucket()).orElseThrow(() -> new S3Exception(
                S3Error.NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION,
                "The public access block configuration was not found"));
        call.xml(200, b.toXml());
    }

    void putPublicAccessBlock(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.settings.setPublicAccessBlock(call.bucket(), PublicAccessBlock.parse(call.body()));
        call.empty(200);
    }

    void deletePublicAccessBlock(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.settings.setPublicAccessBlock(call.bucket(), null);
        call.empty(204);
    }
}
