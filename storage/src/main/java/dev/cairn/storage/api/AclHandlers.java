package dev.cairn.storage.api;

import dev.cairn.storage.api.xml.XmlWriter;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * ACLs as S3 has them by default since 2023 (Object Ownership "bucket owner enforced"): ACLs are disabled, the
 * bucket owner has full control of the bucket and every object in it, and access is granted by policies. So
 * GetBucketAcl/GetObjectAcl report the owner's FULL_CONTROL, and setting an ACL is accepted only when it says
 * the same (canned {@code private} or {@code bucket-owner-full-control}); anything else is
 * AccessControlListNotSupported, as S3 answers.
 */
final class AclHandlers {
    static final Set<String> ACCEPTED_CANNED = Set.of("private", "bucket-owner-full-control");

    void getAcl(S3Call call) {
        if (call.key() != null) {
            call.layer.getObjectInfo(call.bucket(), call.key(), ObjectRequests.versionId(call.request()));
        } else {
            call.layer.getBucketInfo(call.bucket());
        }
        String owner = call.settings.owner(call.bucket());
        String id = owner.isEmpty() ? call.owner() : owner;
        call.xml(200, document(id));
    }

    void putAcl(S3Call call) throws java.io.IOException {
        if (call.key() != null) {
            call.layer.getObjectInfo(call.bucket(), call.key(), ObjectRequests.versionId(call.request()));
        } else {
            call.layer.getBucketInfo(call.bucket());
        }
        checkCanned(call);
        byte[] body = call.body().readNBytes(64 * 1024);
        if (body.length > 0 && !grantsOnlyOwner(new String(body, StandardCharsets.UTF_8))) {
            throw notSupported();
        }
        call.empty(200);
    }

    /** x-amz-acl and x-amz-grant-* on CreateBucket, PutObject, copy and uploads: only the owner's full control. */
    static void checkCanned(S3Call call) {
        String canned = call.request().header("x-amz-acl");
        if (canned != null && !ACCEPTED_CANNED.contains(canned)) {
            throw notSupported();
        }
        for (String name : call.request().headers().names()) {
            if (name.toLowerCase(java.util.Locale.ROOT).startsWith("x-amz-grant-")) {
                throw notSupported();
            }
        }
    }

    private static boolean grantsOnlyOwner(String xml) {
        int grants = xml.split("<Grant>", -1).length - 1;
        return grants <= 1 && (grants == 0 || xml.contains("<Permission>FULL_CONTROL</Permission>"))
                && !xml.contains("Group") && !xml.contains("EmailAddress");
    }

    private static S3Exception notSupported() {
        return new S3Exception(S3Error.ACCESS_CONTROL_LIST_NOT_SUPPORTED, "The bucket does not allow ACLs");
    }

    static byte[] document(String ownerId) {
        String id = XmlWriter.escape(ownerId);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<AccessControlPolicy xmlns=\"" + XmlWriter.S3_NAMESPACE + "\"><Owner><ID>" + id + "</ID><DisplayName>"
                + id + "</DisplayName></Owner><AccessControlList><Grant>"
                + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>" + id
                + "</ID><DisplayName>" + id + "</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
