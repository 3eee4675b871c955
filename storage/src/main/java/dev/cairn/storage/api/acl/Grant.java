package dev.cairn.storage.api.acl;

import java.util.Objects;

/** One entry of an ACL: a grantee and what it is given. */
public record Grant(Grantee grantee, Permission permission) {

    public Grant {
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(permission, "permission");
    }

    /**
     * Whether this grant is to {@code callerId} (null for an anonymous caller): a canonical user matches its own id,
     * AllUsers everyone, AuthenticatedUsers every signed caller, LogDelivery no caller. With {@code ignorePublic}
     * (the public access block's IgnorePublicAcls) the public groups match nobody.
     */
    boolean appliesTo(String callerId, boolean ignorePublic) {
        return switch (grantee) {
            case Grantee.CanonicalUser u -> u.id().equals(callerId);
            case Grantee.Group g -> switch (g) {
                case ALL_USERS -> !ignorePublic;
                case AUTHENTICATED_USERS -> !ignorePublic && callerId != null;
                case LOG_DELIVERY -> false;
            };
        };
    }
}
