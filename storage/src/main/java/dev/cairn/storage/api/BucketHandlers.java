package dev.cairn.storage.api;

import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.acl.ObjectOwnership;
import dev.cairn.storage.api.xml.BucketXml;
import dev.cairn.storage.api.xml.ContinuationToken;
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
    /** S3's largest page of ListBuckets. */
    static final int MAX_BUCKETS = 10000;

    /**
     * The caller's buckets (root: all), by name, from {@code prefix}, at most {@code max-buckets} (1..10000) a page;
     * a truncated page carries a ContinuationToken that continues after its last bucket.
     */
    void listBuckets(S3Call call) {
        String prefix = call.request().param("prefix");
        String token = call.request().param("continuation-token");
        String after = token == null || token.isEmpty() ? null : ContinuationToken.decode(token);
        int max = maxBuckets(call.request().param("max-buckets"));
        List<BucketInfo> buckets = call.layer.listBuckets().stream()
                .filter(b -> call.principal.root() || call.owner().equals(call.settings.owner(b.name())))
                .filter(b -> prefix == null || b.name().startsWith(prefix))
                .filter(b -> after == null || b.name().compareTo(after) > 0)
                .sorted(java.util.Comparator.comparing(BucketInfo::name))
                .toList();
        boolean truncated = buckets.size() > max;
        List<BucketInfo> page = truncated ? buckets.subList(0, max) : buckets;
        String next = truncated ? ContinuationToken.encode(page.getLast().name()) : null;
        call.xml(200, BucketXml.listAllMyBuckets(new Owner(call.owner(), call.owner()), page, next, prefix));
    }

    private static int maxBuckets(String value) {
        if (value == null) {
            return MAX_BUCKETS;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_BUCKETS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw S3Exception.invalidArgument("max-buckets must be a number from 1 to " + MAX_BUCKETS, "max-buckets",
                value);
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
            if (e.error() != ObjectError.BUCKET_EXISTS) {
                throw e;
            }
            boolean mine = call.owner().equals(call.settings.owner(bucket))
                    || call.principal.root() && call.settings.owner(bucket).isEmpty();
            if (!mine) {
                throw new S3Exception(S3Error.BUCKET_ALREADY_EXISTS).withResource("/" + bucket);
            }
            // S3 in us-east-1 (Cairn's region): re-creating a bucket you own is 200 OK and resets its ACL
            call.settings.setAcl(bucket, acl);
            call.header("Location", "/" + bucket).empty(200);
            return;
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
