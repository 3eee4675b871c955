package dev.cairn.storage.object;

/**
 * A condition on a key's current version that a write needs at the moment it commits: HTTP's If-Match and
 * If-None-Match on PutObject and CompleteMultipartUpload. The erasure layer checks it under the key's write lock,
 * against the version a read would see just then, so two clients racing to create a key with
 * {@code If-None-Match: *} cannot both succeed (a compare-and-swap, not a read followed by a write).
 */
@FunctionalInterface
public interface WriteCondition {

    /**
     * @param current the key's current version, null when it has none (never written, or a delete marker is latest)
     * @throws ObjectException {@link ObjectError#PRECONDITION_FAILED}, or {@link ObjectError#OBJECT_NOT_FOUND} when
     *                         the condition needs a current version and there is none
     */
    void check(ObjectInfo current);
}
