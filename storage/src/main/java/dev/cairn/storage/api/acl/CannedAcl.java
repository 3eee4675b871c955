package dev.cairn.storage.api.acl;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;

import java.util.ArrayList;
import java.util.List;

/**
 * S3's canned ACLs ({@code x-amz-acl}), as its "Canned ACL" table defines them. The predefined grants come first
 * and the owner's FULL_CONTROL last, the order S3-compatible servers report them in.
 */
public enum CannedAcl {
    PRIVATE("private"),
    PUBLIC_READ("public-read"),
    PUBLIC_READ_WRITE("public-read-write"),
    /**
     * S3 adds a READ grant to Amazon EC2 (to fetch AMI bundles); Cairn has no such service principal, so only the
     * owner's FULL_CONTROL remains.
     */
    AWS_EXEC_READ("aws-exec-read"),
    AUTHENTICATED_READ("authenticated-read"),
    /** Objects only: the bucket owner may read. On a bucket S3 ignores it (private). */
    BUCKET_OWNER_READ("bucket-owner-read"),
    /** Objects only: the bucket owner has full control too. On a bucket S3 ignores it (private). */
    BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control"),
    /** Buckets: the LogDelivery group may write (and read the ACL), for server access logs. */
    LOG_DELIVERY_WRITE("log-delivery-write");

    private final String header;

    CannedAcl(String header) {
        this.header = header;
    }

    /** The value of {@code x-amz-acl} that names it. */
    public String header() {
        return header;
    }

    /** The canned ACL {@code x-amz-acl} names; anything else is InvalidArgument, as S3 answers. */
    public static CannedAcl parse(String header) {
        for (CannedAcl c : values()) {
            if (c.header.equals(header)) {
                return c;
            }
        }
        throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid canned ACL: " + header);
    }

    /** The ACL of a bucket owned by {@code owner}. */
    public Acl forBucket(String owner) {
        return build(owner, null);
    }

    /** The ACL of an object owned by {@code objectOwner} in a bucket owned by {@code bucketOwner}. */
    public Acl forObject(String objectOwner, String bucketOwner) {
        return build(objectOwner, bucketOwner);
    }

    private Acl build(String owner, String bucketOwner) {
        List<Grant> grants = new ArrayList<>(3);
        switch (this) {
            case PUBLIC_READ -> grants.add(new Grant(Grantee.Group.ALL_USERS, Permission.READ));
            case PUBLIC_READ_WRITE -> {
                grants.add(new Grant(Grantee.Group.ALL_USERS, Permission.READ));
                grants.add(new Grant(Grantee.Group.ALL_USERS, Permission.WRITE));
            }
            case AUTHENTICATED_READ -> grants.add(new Grant(Grantee.Group.AUTHENTICATED_USERS, Permission.READ));
            case LOG_DELIVERY_WRITE -> {
                grants.add(new Grant(Grantee.Group.LOG_DELIVERY, Permission.WRITE));
                grants.add(new Grant(Grantee.Group.LOG_DELIVERY, Permission.READ_ACP));
            }
            case PRIVATE, AWS_EXEC_READ, BUCKET_OWNER_READ, BUCKET_OWNER_FULL_CONTROL -> {
            }
        }
        grants.add(new Grant(new Grantee.CanonicalUser(owner), Permission.FULL_CONTROL));
        boolean otherBucketOwner = bucketOwner != null && !bucketOwner.equals(owner);
        if (otherBucketOwner && this == BUCKET_OWNER_READ) {
            grants.add(new Grant(new Grantee.CanonicalUser(bucketOwner), Permission.READ));
        } else if (otherBucketOwner && this == BUCKET_OWNER_FULL_CONTROL) {
            grants.add(new Grant(new Grantee.CanonicalUser(bucketOwner), Permission.FULL_CONTROL));
        }
        return new Acl(owner, grants);
    }
}
