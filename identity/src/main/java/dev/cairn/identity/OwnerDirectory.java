package dev.cairn.identity;

/**
 * The principals that can own buckets and objects, by their owner ids (the canonical user ids of S3 ACLs). S3
 * refuses an ACL grant to a canonical id it does not know; this is where the S3 layer asks.
 *
 * <p>Implementations must be safe for concurrent use.
 */
public interface OwnerDirectory {

    /** Whether {@code ownerId} is the owner id of some principal (root included). */
    boolean exists(String ownerId);

    /** The root user's owner id: who owns buckets made before owners were recorded. */
    String rootOwner();
}
