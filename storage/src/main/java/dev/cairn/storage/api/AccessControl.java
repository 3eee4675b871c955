package dev.cairn.storage.api;

import dev.cairn.identity.OwnerDirectory;
import dev.cairn.identity.policy.Decision;
import dev.cairn.identity.policy.Policy;
import dev.cairn.identity.policy.PolicyEvaluator;
import dev.cairn.storage.api.acl.AccessRules;
import dev.cairn.storage.api.acl.AccessRules.Requirement;
import dev.cairn.storage.api.acl.AccessRules.Verdict;
import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.acl.GranteeResolver;
import dev.cairn.storage.api.acl.ObjectOwnership;
import dev.cairn.storage.api.acl.Permission;
import dev.cairn.storage.api.acl.PublicAccessBlock;
import dev.cairn.storage.api.http.Operation;
import dev.cairn.storage.api.http.S3Request;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectLayer;
import io.vertx.core.http.HttpServerRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Authorization of S3 requests: root may do anything; any signed-in user may create buckets and list its own; on a
 * bucket, the bucket's policy, owner, ACLs, Object Ownership and public access block decide, as
 * {@link AccessRules} says. Object reads that only the object's own ACL can settle are checked when the handler
 * reads the version ({@link GuardedObjectLayer}). IAM identity policies are not built yet.
 *
 * <p>Canonical ids are owner ids (an access key's {@code Credentials.owner()}, the access key for users of the users
 * file): the ids that listings show as Owner and that ACL grants name.
 */
final class AccessControl {
    static final String EXPECTED_OWNER = "x-amz-expected-bucket-owner";
    static final String EXPECTED_SOURCE_OWNER = "x-amz-source-expected-bucket-owner";

    private final BucketSettings settings;
    private final OwnerDirectory owners;
    private final GranteeResolver resolver;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    AccessControl(BucketSettings settings, OwnerDirectory owners) {
        this.settings = settings;
        this.owners = owners;
        this.resolver = new GranteeResolver(owners::exists);
    }

    static S3Exception denied() {
        return new S3Exception(S3Error.ACCESS_DENIED, "Access Denied");
    }

    GranteeResolver resolver() {
        return resolver;
    }

    /** The bucket's owner id: as recorded, or root's for buckets made before owners were recorded. */
    String bucketOwner(String bucket) {
        String owner = settings.owner(bucket);
        return owner.isEmpty() ? owners.rootOwner() : owner;
    }

    /** Everything about a bucket that access depends on (NoSuchBucket when it does not exist). */
    AccessRules.BucketAccess bucketAccess(String bucket) {
        String owner = bucketOwner(bucket);
        ObjectOwnership ownership = settings.ownership(bucket).orElse(ObjectOwnership.OBJECT_WRITER);
        Acl acl = ownership.aclsEnabled() ? settings.acl(bucket).orElse(Acl.privateFor(owner)) : Acl.privateFor(owner);
        return new AccessRules.BucketAccess(owner, acl, ownership,
                settings.publicAccessBlock(bucket).orElse(PublicAccessBlock.NONE),
                settings.policy(bucket).map(Policy::isPublic).orElse(false));
    }

    /**
     * Decides a request before its handler runs: AccessDenied, or the ObjectLayer the handler must use (guarded
     * where an object's ACL still has to be read, or a missing key must not show to callers who may not list).
     */
    ObjectLayer authorize(Authenticator.Principal principal, Operation op, S3Request r, HttpServerRequest http,
                          ObjectLayer layer) {
        if (op == Operation.CORS_PREFLIGHT || op == Operation.POST_OBJECT) {
            return layer; // preflights carry no credentials; form uploads are signed by their fields (checked there)
        }
        if (r.bucket() == null || op == Operation.CREATE_BUCKET) {
            if (principal.isAnonymous()) {
                throw denied();
            }
            return layer;
        }
        requireExpectedOwner(r.header(EXPECTED_OWNER), r.bucket());
        if (principal.root()) {
            return layer;
        }
        AccessRules.BucketAccess bucket = bucketAccess(r.bucket());
        Requirement need = requirement(op, r.key() != null);
        Verdict v = AccessRules.decide(callerId(principal), need, bucket,
                policies(policyRequest(principal, op, r, http, layer), r.bucket(), bucket));
        if (v == Verdict.DENY) {
            throw denied();
        }
        List<GuardedObjectLayer.Target> targets = new ArrayList<>(2);
        if (need.scope() == AccessRules.Scope.OBJECT) {
            targets.add(target(principal, r, http, r.bucket(), r.key(), bucket,
                    v == Verdict.CHECK_OBJECT ? need.permission() : null));
        }
        if (op == Operation.COPY_OBJECT || op == Operation.UPLOAD_PART_COPY) {
            targets.add(copySource(principal, r, http));
        }
        return targets.isEmpty() ? layer : new GuardedObjectLayer(layer, targets);
    }

    /** Operations on an existing object, whose tags a policy may test ({@code s3:ExistingObjectTag/<key>}). */
    private static final java.util.Set<Operation> ON_EXISTING_OBJECT = java.util.EnumSet.of(Operation.GET_OBJECT,
            Operation.HEAD_OBJECT, Operation.GET_OBJECT_ATTRIBUTES, Operation.GET_ACL, Operation.PUT_ACL,
            Operation.GET_OBJECT_TAGGING, Operation.PUT_OBJECT_TAGGING, Operation.DELETE_OBJECT_TAGGING);

    /**
     * The policy engine's view of the request, with the addressed object's tags when the bucket policy tests them
     * (only then: reading them costs a metadata read before the handler's own).
     */
    private dev.cairn.identity.policy.Request policyRequest(Authenticator.Principal principal, Operation op,
                                                            S3Request r, HttpServerRequest http, ObjectLayer layer) {
        var b = Authorization.builder(principal, Authorization.action(op, r), r.bucket(), r.key(), r, http);
        boolean testsTags = settings.policy(r.bucket()).map(p -> p.usesConditionKeys(Authorization.EXISTING_TAG))
                .orElse(false);
        if (testsTags && r.key() != null && ON_EXISTING_OBJECT.contains(op)) {
            try {
                ObjectInfo info = layer.getObjectInfo(r.bucket(), r.key(), r.param("versionId"));
                Authorization.existingTags(b, TaggingHandlers.tagsOf(info));
            } catch (ObjectException e) {
                // no such object (or version): it has no tags, and the handler reports what is missing
            }
        }
        return b.build();
    }

    /** A form upload's signer (or an anonymous form) writing {@code key}: bucket WRITE, as PutObject needs. */
    void authorizeUpload(Authenticator.Principal principal, S3Request r, HttpServerRequest http, String key) {
        if (principal.root()) {
            return;
        }
        AccessRules.BucketAccess bucket = bucketAccess(r.bucket());
        Decision policy = policies(Authorization.request(principal, "s3:PutObject", r.bucket(), key, r, http),
                r.bucket(), bucket);
        if (AccessRules.decide(callerId(principal), Requirement.bucket(Permission.WRITE), bucket, policy)
                != Verdict.ALLOW) {
            throw denied();
        }
    }

    /** The caller must be able to read the copy's source: s3:GetObject on it, or its object ACL's READ. */
    private GuardedObjectLayer.Target copySource(Authenticator.Principal principal, S3Request r,
                                                 HttpServerRequest http) {
        CopySource src = CopySource.parse(r.header("x-amz-copy-source"));
        requireExpectedOwner(r.header(EXPECTED_SOURCE_OWNER), src.bucket());
        AccessRules.BucketAccess bucket = bucketAccess(src.bucket());
        String action = src.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion";
        Decision policy = policies(Authorization.request(principal, action, src.bucket(), src.key(), r, http),
                src.bucket(), bucket);
        Verdict v = AccessRules.decide(callerId(principal), Requirement.object(Permission.READ), bucket, policy);
        if (v == Verdict.DENY) {
            throw denied();
        }
        return target(principal, r, http, src.bucket(), src.key(), bucket,
                v == Verdict.CHECK_OBJECT ? Permission.READ : null);
    }

    /** A guarded key: {@code permission} to check on the version's ACL, null when already allowed. */
    private GuardedObjectLayer.Target target(Authenticator.Principal principal, S3Request r, HttpServerRequest http,
                                             String bucketName, String key, AccessRules.BucketAccess bucket,
                                             Permission permission) {
        String caller = callerId(principal);
        return new GuardedObjectLayer.Target(bucketName, key,
                info -> permission == null
                        || AccessRules.objectAllows(caller, permission, ObjectAcls.of(info, bucket), bucket),
                () -> mayList(principal, r, http, bucketName, key, bucket));
    }

    /** Whether the caller may list {@code key}'s name in the bucket: ListBucket with {@code s3:prefix} the key. */
    private boolean mayList(Authenticator.Principal principal, S3Request r, HttpServerRequest http, String bucketName,
                            String key, AccessRules.BucketAccess bucket) {
        var request = Authorization.builder(principal, "s3:ListBucket", bucketName, null, r, http)
                .put("s3:prefix", key).build();
        return AccessRules.decide(callerId(principal), Requirement.bucket(Permission.READ), bucket,
                policies(request, bucketName, bucket)) == Verdict.ALLOW;
    }

    private Decision policies(dev.cairn.identity.policy.Request request, String bucketName,
                              AccessRules.BucketAccess bucket) {
        return evaluator.policies(request, bucket.owner(), settings.policy(bucketName).orElse(null), List.of());
    }

    /** {@code x-amz-expected-bucket-owner}: a request for a bucket owned by someone else is AccessDenied. */
    private void requireExpectedOwner(String expected, String bucket) {
        if (expected != null && !expected.equals(bucketOwner(bucket))) {
            throw denied();
        }
    }

    static String callerId(Authenticator.Principal principal) {
        return principal.isAnonymous() ? null : principal.owner();
    }

    /**
     * What each operation on a bucket needs. Bucket listings need READ on the bucket, object writes and deletes
     * (multipart steps included) WRITE on the bucket, object reads READ on the object, ACL reads and writes
     * READ_ACP/WRITE_ACP on whichever the ACL is of; everything else is the bucket owner's (or a policy's) alone.
     */
    static Requirement requirement(Operation op, boolean onObject) {
        return switch (op) {
            case HEAD_BUCKET, LIST_OBJECTS, LIST_OBJECTS_V2, LIST_OBJECT_VERSIONS, LIST_MULTIPART_UPLOADS ->
                    Requirement.bucket(Permission.READ);
            case PUT_OBJECT, COPY_OBJECT, DELETE_OBJECT, DELETE_OBJECTS, POST_OBJECT, CREATE_MULTIPART_UPLOAD,
                 UPLOAD_PART, UPLOAD_PART_COPY, COMPLETE_MULTIPART_UPLOAD, ABORT_MULTIPART_UPLOAD, LIST_PARTS ->
                    Requirement.bucket(Permission.WRITE);
            case GET_OBJECT, HEAD_OBJECT, GET_OBJECT_ATTRIBUTES -> Requirement.object(Permission.READ);
            case GET_ACL -> onObject ? Requirement.object(Permission.READ_ACP)
                    : Requirement.bucket(Permission.READ_ACP);
            case PUT_ACL -> onObject ? Requirement.object(Permission.WRITE_ACP)
                    : Requirement.bucket(Permission.WRITE_ACP);
            case LIST_BUCKETS, CREATE_BUCKET, DELETE_BUCKET, GET_BUCKET_LOCATION, GET_BUCKET_VERSIONING,
                 PUT_BUCKET_VERSIONING, GET_OBJECT_TAGGING, PUT_OBJECT_TAGGING, DELETE_OBJECT_TAGGING,
                 GET_BUCKET_TAGGING, PUT_BUCKET_TAGGING, DELETE_BUCKET_TAGGING, GET_BUCKET_CORS, PUT_BUCKET_CORS,
                 DELETE_BUCKET_CORS, GET_BUCKET_ENCRYPTION, PUT_BUCKET_ENCRYPTION, DELETE_BUCKET_ENCRYPTION,
                 GET_BUCKET_POLICY, PUT_BUCKET_POLICY, DELETE_BUCKET_POLICY, GET_BUCKET_POLICY_STATUS,
                 GET_BUCKET_OWNERSHIP_CONTROLS, PUT_BUCKET_OWNERSHIP_CONTROLS, DELETE_BUCKET_OWNERSHIP_CONTROLS,
                 GET_PUBLIC_ACCESS_BLOCK, PUT_PUBLIC_ACCESS_BLOCK, DELETE_PUBLIC_ACCESS_BLOCK, CORS_PREFLIGHT,
                 GET_BUCKET_NOTIFICATION, PUT_BUCKET_NOTIFICATION,
                 NOT_IMPLEMENTED -> Requirement.OWNER;
        };
    }
}
