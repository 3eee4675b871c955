package dev.cairn.storage.api.acl;

import dev.cairn.identity.policy.Decision;

import java.util.Objects;

/**
 * Who may do what on a bucket and its objects, for callers other than root, combining what the bucket's policy
 * said with its owner, ACL, Object Ownership and public access block, in S3's order:
 * <ol>
 *   <li>an explicit Deny in a policy denies;
 *   <li>while the bucket's policy is public and RestrictPublicBuckets is set, only the bucket owner gets in;
 *   <li>an Allow in a policy allows;
 *   <li>the bucket owner may do anything to the bucket and write or delete any object in it (its bucket is its
 *       account's);
 *   <li>otherwise the bucket's ACL decides bucket operations and object writes (READ lists, WRITE writes), and the
 *       object's ACL decides object reads and object ACL operations, which needs the object: that verdict is
 *       {@link Verdict#CHECK_OBJECT}, settled by {@link #objectAllows} once the version is read. With ACLs disabled
 *       (BucketOwnerEnforced) no ACL counts, and the bucket owner owns every object.
 * </ol>
 * Pure: no I/O, no clock; the table tests call it directly.
 */
public final class AccessRules {

    /** What an operation needs. */
    public enum Scope {
        /** Only the bucket owner (or a policy) may: bucket configuration, versioning, tagging, deletion. */
        BUCKET_OWNER,
        /** A permission on the bucket's ACL: listings (READ), object writes and deletes (WRITE), its ACL. */
        BUCKET,
        /** A permission on the object version's ACL: reads (READ), its ACL (READ_ACP, WRITE_ACP). */
        OBJECT
    }

    /** The permission an operation needs and where it is looked up; the permission is null for BUCKET_OWNER. */
    public record Requirement(Scope scope, Permission permission) {
        public static final Requirement OWNER = new Requirement(Scope.BUCKET_OWNER, null);

        public Requirement {
            Objects.requireNonNull(scope, "scope");
            if ((permission == null) != (scope == Scope.BUCKET_OWNER)) {
                throw new IllegalArgumentException(scope + " with permission " + permission);
            }
        }

        public static Requirement bucket(Permission p) {
            return new Requirement(Scope.BUCKET, p);
        }

        public static Requirement object(Permission p) {
            return new Requirement(Scope.OBJECT, p);
        }
    }

    /**
     * What a bucket's settings say about access.
     *
     * @param owner        the bucket owner's id
     * @param acl          the bucket's ACL (its default is {@link Acl#privateFor} the owner)
     * @param ownership    its Object Ownership ({@link ObjectOwnership#OBJECT_WRITER} when it has none)
     * @param block        its public access block ({@link PublicAccessBlock#NONE} when it has none)
     * @param publicPolicy whether its bucket policy is public
     */
    public record BucketAccess(String owner, Acl acl, ObjectOwnership ownership, PublicAccessBlock block,
                               boolean publicPolicy) {
        public BucketAccess {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(acl, "acl");
            Objects.requireNonNull(ownership, "ownership");
            Objects.requireNonNull(block, "block");
        }

        public boolean ownedBy(String callerId) {
            return owner.equals(callerId);
        }
    }

    public enum Verdict { ALLOW, DENY, CHECK_OBJECT }

    private AccessRules() {
    }

    /**
     * The verdict for {@code callerId} (null: anonymous; never root, which is allowed before this) needing
     * {@code need} on a bucket whose settings are {@code bucket}, given what its policies decided.
     */
    public static Verdict decide(String callerId, Requirement need, BucketAccess bucket, Decision policies) {
        if (policies == Decision.DENY) {
            return Verdict.DENY;
        }
        boolean owner = bucket.ownedBy(callerId);
        if (bucket.publicPolicy() && bucket.block().restrictPublicBuckets() && !owner) {
            return Verdict.DENY;
        }
        if (policies == Decision.ALLOW || owner && need.scope() != Scope.OBJECT) {
            return Verdict.ALLOW;
        }
        boolean aclsCount = bucket.ownership().aclsEnabled();
        return switch (need.scope()) {
            case BUCKET_OWNER -> Verdict.DENY;
            case BUCKET -> aclsCount && bucket.acl().allows(callerId, need.permission(),
                    bucket.block().ignorePublicAcls()) ? Verdict.ALLOW : Verdict.DENY;
            case OBJECT -> !aclsCount ? (owner ? Verdict.ALLOW : Verdict.DENY) : Verdict.CHECK_OBJECT;
        };
    }

    /** Settles {@link Verdict#CHECK_OBJECT}: whether the version's ACL gives {@code callerId} the permission. */
    public static boolean objectAllows(String callerId, Permission wanted, Acl objectAcl, BucketAccess bucket) {
        return objectAcl.allows(callerId, wanted, bucket.block().ignorePublicAcls());
    }
}
