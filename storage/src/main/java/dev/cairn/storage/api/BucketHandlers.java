package dev.cairn.storage.api;

import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.acl.ObjectOwnership;
import dev.cairn.storage.api.xml.BucketXml;
import dev.cairn.storage.api.xml.CreateBucketConfiguration;
import dev.cairn.storage.api.xml.Owner;
import dev.cairn.storage.api.xml.VersioningConfiguration;
import dev.cairn.storage.object.BucketInfo;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.Versioning;

import java.util.List;

/** Bucket-level operations: create, head, delete, list buckets, location, versioning. */
final class BucketHandlers {
    static final String REGION = "us-east-1";

    void listBuckets(S3Call call) {
        List<BucketInfo> buckets = call.layer.listBuckets().stream()
                .filter(b -> call.principal.root() || call.owner().equals(call.settings.owner(b.name())))
                .toList();
        call.xml(200, BucketXml.listAllMyBuckets(new Owner(call.owner(), call.owner()), buckets));
    }

    void createBucket(S3Call call) throws Exception {
        CreateBucketConfiguration.parse(call.body()); // validates the optional configuration
        String bucket = call.bucket();
        String owner = call.owner();
        String ownershipHeader = call.request().header("x-amz-object-ownership");
        ObjectOwnership ownership = ownershipHeader == null ? null : ObjectOwnership.parseHeader(ownershipHeader);
        Acl acl = AclHeaders.requested(call, owner, canned -> canned.forBucket(owner));
        BucketAccessHandlers.requireAclFits(ownership, acl);
        try {
            call.layer.makeBucket(bucket);
        } catch (ObjectException e) {
            if (e.error() == ObjectError.BUCKET_EXISTS) {
                boolean mine = call.owner().equals(call.settings.owner(bucket))
                        || call.principal.root() && call.settings.owner(bucket).isEmpty();
                throw new S3Exception(mine ? S3Error.BUCKET_ALREADY_OWNED_BY_YOU : S3Error.BUCKET_ALREADY_EXISTS)
                        .withResource("/" + bucket);
            }
            throw e;
        }
        call.settings.forget(bucket);
        call.settings.setOwner(bucket, owner);
        if (acl != null) {
            call.settings.setAcl(bucket, acl);
        }
        if (ownership != null) {
            call.settings.setOwnership(bucket, ownership);
        }
        call.header("Location", "/" + bucket).empty(200);
    }

    void headBucket(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.header("x-amz-bucket-region", REGION).empty(200);
    }

    void deleteBucket(S3Call call) {
        call.layer.deleteBucket(call.bucket());
        call.settings.forget(call.bucket());
        call.empty(204);
    }

    void location(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.xml(200, BucketXml.locationConstraint(REGION));
    }

    void getVersioning(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.xml(200, BucketXml.versioningConfiguration(call.settings.versioning(call.bucket())));
    }

    void putVersioning(S3Call call) throws Exception {
        call.layer.getBucketInfo(call.bucket());
        Versioning v = VersioningConfiguration.parse(call.body()).status();
        call.settings.setVersioning(call.bucket(), v);
        call.empty(200);
    }
}
