package dev.cairn.storage.api;

import static dev.cairn.identity.policy.Decision.ALLOW;
import static dev.cairn.identity.policy.Decision.DENY;
import static dev.cairn.identity.policy.Decision.NOT_APPLICABLE;
import static dev.cairn.storage.api.http.Operation.DELETE_BUCKET;
import static dev.cairn.storage.api.http.Operation.DELETE_OBJECT;
import static dev.cairn.storage.api.http.Operation.GET_ACL;
import static dev.cairn.storage.api.http.Operation.GET_BUCKET_POLICY;
import static dev.cairn.storage.api.http.Operation.GET_BUCKET_VERSIONING;
import static dev.cairn.storage.api.http.Operation.GET_OBJECT;
import static dev.cairn.storage.api.http.Operation.HEAD_BUCKET;
import static dev.cairn.storage.api.http.Operation.LIST_OBJECTS;
import static dev.cairn.storage.api.http.Operation.LIST_OBJECT_VERSIONS;
import static dev.cairn.storage.api.http.Operation.PUT_ACL;
import static dev.cairn.storage.api.http.Operation.PUT_OBJECT;
import static dev.cairn.storage.api.http.Operation.UPLOAD_PART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.cairn.identity.policy.Decision;
import dev.cairn.storage.api.acl.AccessRules;
import dev.cairn.storage.api.acl.AccessRules.Verdict;
import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.acl.CannedAcl;
import dev.cairn.storage.api.acl.Grant;
import dev.cairn.storage.api.acl.Grantee;
import dev.cairn.storage.api.acl.ObjectOwnership;
import dev.cairn.storage.api.acl.Permission;
import dev.cairn.storage.api.acl.PublicAccessBlock;
import dev.cairn.storage.api.http.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what: caller × the bucket's grants and settings × operation → verdict, through the same mapping of
 * operations to permissions the node uses ({@link AccessControl#requirement}). The bucket belongs to "owner";
 * "alt" is another user, "-" an anonymous caller.
 */
class AccessRulesTest {

    private static final String OWNER = "owner";
    private static final PublicAccessBlock IGNORE_PUBLIC = new PublicAccessBlock(false, true, false, false);
    private static final PublicAccessBlock RESTRICT = new PublicAccessBlock(false, false, false, true);

    /** A bucket ACL: a canned ACL's name, or {@code alt:PERMISSION} (the owner's full control plus that grant). */
    private static Acl acl(String spec) {
        if (!spec.startsWith("alt:")) {
            return CannedAcl.parse(spec).forBucket(OWNER);
        }
        List<Grant> grants = new ArrayList<>(Acl.privateFor(OWNER).grants());
        grants.add(new Grant(new Grantee.CanonicalUser("alt"), Permission.valueOf(spec.substring(4))));
        return new Acl(OWNER, grants);
    }

    private static Arguments c(String caller, String bucketAcl, Operation op, Verdict expected) {
        return full(caller, bucketAcl, op, false, NOT_APPLICABLE, ObjectOwnership.OBJECT_WRITER,
                PublicAccessBlock.NONE, false, expected);
    }

    private static Arguments full(String caller, String bucketAcl, Operation op, boolean onObject, Decision policy,
                                  ObjectOwnership ownership, PublicAccessBlock block, boolean publicPolicy,
                                  Verdict expected) {
        String name = caller + " " + op + (onObject ? " (object)" : "") + " on " + bucketAcl
                + (policy == NOT_APPLICABLE ? "" : ", policy " + policy)
                + (ownership == ObjectOwnership.OBJECT_WRITER ? "" : ", " + ownership.wire())
                + (block.equals(PublicAccessBlock.NONE) ? "" : ", " + block)
                + (publicPolicy ? ", public policy" : "");
        return arguments(name, caller.equals("-") ? null : caller, op, onObject,
                new AccessRules.BucketAccess(OWNER, acl(bucketAcl), ownership, block, publicPolicy), policy,
                expected);
    }

    static Stream<Arguments> cases() {
        Verdict allow = Verdict.ALLOW;
        Verdict deny = Verdict.DENY;
        Verdict check = Verdict.CHECK_OBJECT;
        ObjectOwnership writer = ObjectOwnership.OBJECT_WRITER;
        ObjectOwnership enforced = ObjectOwnership.BUCKET_OWNER_ENFORCED;
        PublicAccessBlock none = PublicAccessBlock.NONE;
        return Stream.of(
                // the owner's bucket is its own
                c("owner", "private", LIST_OBJECTS, allow),
                c("owner", "private", PUT_OBJECT, allow),
                c("owner", "private", GET_BUCKET_VERSIONING, allow),
                c("owner", "private", GET_BUCKET_POLICY, allow),
                c("owner", "private", DELETE_BUCKET, allow),
                // others get what the bucket's grants give: READ lists, WRITE writes and deletes
                c("alt", "private", LIST_OBJECTS, deny),
                c("alt", "private", PUT_OBJECT, deny),
                c("-", "private", HEAD_BUCKET, deny),
                c("-", "public-read", LIST_OBJECTS, allow),
                c("-", "public-read", LIST_OBJECT_VERSIONS, allow),
                c("-", "public-read", PUT_OBJECT, deny),
                c("-", "public-read-write", PUT_OBJECT, allow),
                c("-", "public-read-write", DELETE_OBJECT, allow),
                c("alt", "public-read-write", UPLOAD_PART, allow),
                c("alt", "authenticated-read", LIST_OBJECTS, allow),
                c("-", "authenticated-read", LIST_OBJECTS, deny),
                c("alt", "alt:READ", HEAD_BUCKET, allow),
                c("alt", "alt:READ", PUT_OBJECT, deny),
                c("alt", "alt:READ", GET_ACL, deny),
                c("alt", "alt:WRITE", PUT_OBJECT, allow),
                c("alt", "alt:WRITE", LIST_OBJECTS, deny),
                c("alt", "alt:READ_ACP", GET_ACL, allow),
                c("alt", "alt:READ_ACP", PUT_ACL, deny),
                c("alt", "alt:READ_ACP", LIST_OBJECTS, deny),
                c("alt", "alt:WRITE_ACP", PUT_ACL, allow),
                c("alt", "alt:WRITE_ACP", GET_ACL, deny),
                c("alt", "alt:FULL_CONTROL", LIST_OBJECTS, allow),
                c("alt", "alt:FULL_CONTROL", PUT_OBJECT, allow),
                c("alt", "alt:FULL_CONTROL", PUT_ACL, allow),
                // no grant reaches what only the owner may do
                c("alt", "alt:FULL_CONTROL", GET_BUCKET_POLICY, deny),
                c("alt", "alt:FULL_CONTROL", DELETE_BUCKET, deny),
                c("-", "public-read-write", GET_BUCKET_VERSIONING, deny),
                // object reads and object ACLs are the object's ACL's to decide, the owner's too
                c("owner", "private", GET_OBJECT, check),
                c("alt", "private", GET_OBJECT, check),
                c("-", "private", GET_OBJECT, check),
                full("alt", "private", GET_ACL, true, NOT_APPLICABLE, writer, none, false, check),
                full("alt", "public-read-write", PUT_ACL, true, NOT_APPLICABLE, writer, none, false, check),
                // policies: an explicit deny binds the owner; an allow needs nothing else
                full("owner", "private", LIST_OBJECTS, false, DENY, writer, none, false, deny),
                full("alt", "public-read-write", PUT_OBJECT, false, DENY, writer, none, false, deny),
                full("-", "private", GET_OBJECT, false, ALLOW, writer, none, false, allow),
                full("alt", "private", GET_BUCKET_POLICY, false, ALLOW, writer, none, false, allow),
                // ACLs disabled: grants count for nothing, the owner owns every object
                full("-", "public-read", LIST_OBJECTS, false, NOT_APPLICABLE, enforced, none, false, deny),
                full("alt", "alt:FULL_CONTROL", PUT_OBJECT, false, NOT_APPLICABLE, enforced, none, false, deny),
                full("owner", "private", GET_OBJECT, false, NOT_APPLICABLE, enforced, none, false, allow),
                full("alt", "private", GET_OBJECT, false, NOT_APPLICABLE, enforced, none, false, deny),
                full("alt", "private", GET_OBJECT, false, ALLOW, enforced, none, false, allow),
                // IgnorePublicAcls: public grants give nothing, grants to users still do
                full("-", "public-read", LIST_OBJECTS, false, NOT_APPLICABLE, writer, IGNORE_PUBLIC, false, deny),
                full("alt", "authenticated-read", LIST_OBJECTS, false, NOT_APPLICABLE, writer, IGNORE_PUBLIC, false,
                        deny),
                full("alt", "alt:READ", LIST_OBJECTS, false, NOT_APPLICABLE, writer, IGNORE_PUBLIC, false, allow),
                // RestrictPublicBuckets: while the policy is public, only the owner gets in
                full("-", "private", GET_OBJECT, false, ALLOW, writer, RESTRICT, true, deny),
                full("alt", "alt:FULL_CONTROL", LIST_OBJECTS, false, NOT_APPLICABLE, writer, RESTRICT, true, deny),
                full("owner", "private", LIST_OBJECTS, false, ALLOW, writer, RESTRICT, true, allow),
                full("-", "private", GET_OBJECT, false, ALLOW, writer, RESTRICT, false, allow));
    }

    @ParameterizedTest(name = "{0} → {6}")
    @MethodSource("cases")
    void decides(String name, String caller, Operation op, boolean onObject, AccessRules.BucketAccess bucket,
                 Decision policy, Verdict expected) {
        boolean objectLevel = onObject || op == GET_OBJECT || op == PUT_OBJECT || op == DELETE_OBJECT
                || op == UPLOAD_PART;
        assertEquals(expected, AccessRules.decide(caller, AccessControl.requirement(op, objectLevel), bucket, policy));
    }

    static Stream<Arguments> objects() {
        Acl privateToAlt = Acl.privateFor("alt");
        Acl publicRead = CannedAcl.PUBLIC_READ.forObject("alt", OWNER);
        Acl ownerRead = CannedAcl.BUCKET_OWNER_READ.forObject("alt", OWNER);
        Acl ownerFull = CannedAcl.BUCKET_OWNER_FULL_CONTROL.forObject("alt", OWNER);
        return Stream.of(
                arguments("the writer reads its own", "alt", Permission.READ, privateToAlt, true),
                arguments("the bucket owner may not read another's private object", OWNER, Permission.READ,
                        privateToAlt, false),
                arguments("nor read its ACL", OWNER, Permission.READ_ACP, privateToAlt, false),
                arguments("anonymous reads a public-read object", null, Permission.READ, publicRead, true),
                arguments("but not its ACL", null, Permission.READ_ACP, publicRead, false),
                arguments("bucket-owner-read lets the bucket owner read", OWNER, Permission.READ, ownerRead, true),
                arguments("but not change the ACL", OWNER, Permission.WRITE_ACP, ownerRead, false),
                arguments("bucket-owner-full-control lets it", OWNER, Permission.WRITE_ACP, ownerFull, true),
                arguments("the object owner keeps its ACL with no grant", "alt", Permission.WRITE_ACP,
                        new Acl("alt", List.of()), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void objectAclsDecideObjectReads(String name, String caller, Permission wanted, Acl objectAcl, boolean allowed) {
        AccessRules.BucketAccess bucket = new AccessRules.BucketAccess(OWNER, Acl.privateFor(OWNER),
                ObjectOwnership.OBJECT_WRITER, PublicAccessBlock.NONE, false);
        assertEquals(allowed, AccessRules.objectAllows(caller, wanted, objectAcl, bucket));
    }
}
