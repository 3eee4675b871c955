package dev.cairn.storage.api.acl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An access control list: the resource's owner and its grants. Grants are a set in S3, so their order means
 * nothing; they are kept and reported with the grants to groups first, then those to users, each in the order
 * given (the order S3-compatible servers report canned ACLs in, and what clients comparing lists expect).
 *
 * <p>The owner always may read and write the ACL (READ_ACP and WRITE_ACP), whatever the grants say, so that an
 * owner who revoked every grant can still put one back; everything else comes from the grants.
 */
public record Acl(String owner, List<Grant> grants) {

    /** Marks the first line of {@link #encode()}'s form; a later form would start with another tag. */
    private static final String FORMAT = "acl1";

    public Acl {
        Objects.requireNonNull(owner, "owner");
        List<Grant> ordered = new ArrayList<>(grants.size());
        grants.stream().filter(g -> g.grantee() instanceof Grantee.Group).forEach(ordered::add);
        grants.stream().filter(g -> g.grantee() instanceof Grantee.CanonicalUser).forEach(ordered::add);
        grants = List.copyOf(ordered);
    }

    /** The default ACL of a new bucket or object: its owner has full control, nobody else anything. */
    public static Acl privateFor(String owner) {
        return new Acl(owner, List.of(new Grant(new Grantee.CanonicalUser(owner), Permission.FULL_CONTROL)));
    }

    /**
     * Whether this ACL gives {@code callerId} (null: anonymous) the permission {@code wanted}. With
     * {@code ignorePublic} grants to AllUsers and AuthenticatedUsers count for nothing.
     */
    public boolean allows(String callerId, Permission wanted, boolean ignorePublic) {
        if (owner.equals(callerId) && (wanted == Permission.READ_ACP || wanted == Permission.WRITE_ACP)) {
            return true;
        }
        for (Grant g : grants) {
            if (g.permission().covers(wanted) && g.appliesTo(callerId, ignorePublic)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some grant is to AllUsers or AuthenticatedUsers: what S3 calls a public ACL. */
    public boolean isPublic() {
        return grants.stream().anyMatch(g -> g.grantee() instanceof Grantee.Group group && group.isPublic());
    }

    /**
     * Whether every grant is to the owner: the only bucket ACL that may stay when ACLs are disabled (Object
     * Ownership BucketOwnerEnforced).
     */
    public boolean grantsOnlyOwner() {
        return grants.stream().allMatch(g -> g.grantee().equals(new Grantee.CanonicalUser(owner)));
    }

    /** This ACL with another owner, the grants unchanged. */
    public Acl withOwner(String newOwner) {
        return new Acl(newOwner, grants);
    }

    /**
     * The stored form, one line each: a format tag, the owner, then {@code PERMISSION id ID} or
     * {@code PERMISSION uri URI} per grant. Ids and URIs hold no line breaks (canonical ids are checked when
     * granted), so a line's rest is its value whatever it contains.
     */
    public String encode() {
        StringBuilder sb = new StringBuilder(64).append(FORMAT).append('\n').append(owner);
        for (Grant g : grants) {
            sb.append('\n').append(g.permission().name()).append(' ');
            switch (g.grantee()) {
                case Grantee.CanonicalUser u -> sb.append("id ").append(u.id());
                case Grantee.Group group -> sb.append("uri ").append(group.uri());
            }
        }
        return sb.toString();
    }

    /** Reads {@link #encode()}'s form; IllegalArgumentException when {@code stored} is not one. */
    public static Acl decode(String stored) {
        String[] lines = stored.split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(FORMAT) || lines[1].isEmpty()) {
            throw new IllegalArgumentException("not a stored ACL: " + stored);
        }
        List<Grant> grants = new ArrayList<>(lines.length - 2);
        for (int i = 2; i < lines.length; i++) {
            String[] parts = lines[i].split(" ", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a stored grant: " + lines[i]);
            }
            Permission p = Permission.valueOf(parts[0]);
            Grantee grantee = switch (parts[1]) {
                case "id" -> new Grantee.CanonicalUser(parts[2]);
                case "uri" -> {
                    Grantee.Group g = Grantee.Group.byUri(parts[2]);
                    if (g == null) {
                        throw new IllegalArgumentException("unknown group " + parts[2]);
                    }
                    yield g;
                }
                default -> throw new IllegalArgumentException("not a stored grantee: " + lines[i]);
            };
            grants.add(new Grant(grantee, p));
        }
        return new Acl(lines[1], grants);
    }
}
