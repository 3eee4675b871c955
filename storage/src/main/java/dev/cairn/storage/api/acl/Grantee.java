package dev.cairn.storage.api.acl;

/** Who a grant is to: one principal by its canonical id (its owner id), or one of S3's predefined groups. */
public sealed interface Grantee {

    /** A principal, by the owner id it signs requests as (an access key's owner). */
    record CanonicalUser(String id) implements Grantee {
        public CanonicalUser {
            if (id == null || id.isEmpty() || id.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("not a canonical id: " + id);
            }
        }
    }

    /** S3's predefined groups, by the URIs that name them in grants. */
    enum Group implements Grantee {
        /** Everyone, signed or not. */
        ALL_USERS("http://acs.amazonaws.com/groups/global/AllUsers"),
        /** Every signed request, whoever signed it. */
        AUTHENTICATED_USERS("http://acs.amazonaws.com/groups/global/AuthenticatedUsers"),
        /** S3's server access logging; Cairn has none, so a grant to it gives nobody anything. */
        LOG_DELIVERY("http://acs.amazonaws.com/groups/s3/LogDelivery");

        private final String uri;

        Group(String uri) {
            this.uri = uri;
        }

        public String uri() {
            return uri;
        }

        /** The group named by {@code uri}, or null. */
        public static Group byUri(String uri) {
            for (Group g : values()) {
                if (g.uri.equals(uri)) {
                    return g;
                }
            }
            return null;
        }

        /** Whether a grant to this group makes a resource public, as S3 counts it. */
        public boolean isPublic() {
            return this != LOG_DELIVERY;
        }
    }
}
