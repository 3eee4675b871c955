package dev.cairn.storage.object;

/** A bucket's versioning state, as the S3 API passes it down with each mutation. */
public enum Versioning {
    /** Never enabled: one "null" version per key, overwritten in place. */
    UNVERSIONED,
    ENABLED,
    /** Was enabled: existing versions stay; new writes replace the "null" version. */
    SUSPENDED;

    public boolean keepsVersions() {
        return this != UNVERSIONED;
    }
}
