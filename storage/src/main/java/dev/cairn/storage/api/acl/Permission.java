package dev.cairn.storage.api.acl;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;

/**
 * What a grant gives. On a bucket: READ lists it, WRITE creates, overwrites and deletes objects in it, READ_ACP
 * and WRITE_ACP read and write its ACL. On an object: READ reads it (data and metadata), READ_ACP and WRITE_ACP its
 * ACL, and WRITE gives nothing. FULL_CONTROL is all of them.
 */
public enum Permission {
    READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL;

    /** Whether a grant of this permission gives {@code wanted}. */
    public boolean covers(Permission wanted) {
        return this == wanted || this == FULL_CONTROL;
    }

    /** The permission named as S3 writes it ({@code READ_ACP}); anything else is MalformedACLError. */
    static Permission parse(String name) {
        for (Permission p : values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new S3Exception(S3Error.MALFORMED_ACL_ERROR, "Unknown permission: " + name);
    }
}
