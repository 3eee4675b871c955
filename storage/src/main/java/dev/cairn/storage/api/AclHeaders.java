package dev.cairn.storage.api;

import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.acl.CannedAcl;
import dev.cairn.storage.api.acl.GrantHeaders;

import java.util.function.Function;

/**
 * The ACL a request sets in its headers: a canned ACL ({@code x-amz-acl}, or a form's {@code acl} field) or
 * explicit grants ({@code x-amz-grant-*}), never both (InvalidRequest, as S3 answers).
 */
final class AclHeaders {
    private AclHeaders() {
    }

    /**
     * The canned ACL {@code cannedValue} names (null when it is null), after checking that the request does not
     * also carry grant headers.
     */
    static CannedAcl canned(S3Call call, String cannedValue) {
        if (cannedValue != null && GrantHeaders.present(call.request()::header)) {
            throw new S3Exception(S3Error.INVALID_REQUEST,
                    "Specifying both Canned ACLs and Header Grants is not allowed");
        }
        return cannedValue == null ? null : CannedAcl.parse(cannedValue);
    }

    /**
     * The ACL the headers ask for on a resource owned by {@code owner}, or null when they ask for none;
     * {@code fromCanned} says what a canned ACL means for this resource.
     */
    static Acl requested(S3Call call, String owner, Function<CannedAcl, Acl> fromCanned) {
        CannedAcl canned = canned(call, call.request().header("x-amz-acl"));
        if (canned != null) {
            return fromCanned.apply(canned);
        }
        return GrantHeaders.present(call.request()::header)
                ? new Acl(owner, GrantHeaders.parse(call.request()::header, call.access.resolver())) : null;
    }
}
