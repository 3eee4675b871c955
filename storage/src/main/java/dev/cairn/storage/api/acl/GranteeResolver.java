package dev.cairn.storage.api.acl;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;

import java.util.function.Predicate;

/**
 * Turns the grantees a request names into ones an ACL may hold, with S3's errors: a canonical id nobody has is
 * InvalidArgument, a group URI S3 does not define is InvalidArgument, and an e-mail address that names no account
 * is UnresolvableGrantByEmailAddress. Cairn's principals have no e-mail addresses, so every address is refused so.
 */
public final class GranteeResolver {
    private final Predicate<String> knownIds;

    /** {@code knownIds}: whether a canonical id belongs to some principal. */
    public GranteeResolver(Predicate<String> knownIds) {
        this.knownIds = knownIds;
    }

    public Grantee.CanonicalUser user(String id) {
        if (id == null || id.isEmpty() || id.indexOf('\n') >= 0 || !knownIds.test(id)) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid id");
        }
        return new Grantee.CanonicalUser(id);
    }

    public Grantee.Group group(String uri) {
        Grantee.Group g = Grantee.Group.byUri(uri);
        if (g == null) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid group uri");
        }
        return g;
    }

    public Grantee byEmail(String address) {
        throw new S3Exception(S3Error.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS,
                "The e-mail address you provided does not match any account on record.");
    }
}
