package dev.cairn.storage.object;

/** Why an ObjectLayer call failed; the S3 API maps each to one entry of its error table. */
public enum ObjectError {
    BUCKET_NOT_FOUND,
    BUCKET_EXISTS,
    BUCKET_NOT_EMPTY,
    INVALID_BUCKET_NAME,
    OBJECT_NOT_FOUND,
    VERSION_NOT_FOUND,
    /** The addressed version is a delete marker, which has no body. */
    METHOD_NOT_ALLOWED,
    INVALID_OBJECT_NAME,
    INVALID_RANGE,
    BAD_DIGEST,
    /** The body ended before its declared length, or ran past it. */
    INCOMPLETE_BODY,
    INSUFFICIENT_READ_QUORUM,
    INSUFFICIENT_WRITE_QUORUM,
    STORAGE_FULL,
    NO_SUCH_UPLOAD,
    INVALID_PART,
    INVALID_PART_ORDER,
    ENTITY_TOO_SMALL,
    /** A conditional write's {@link WriteCondition} did not hold when it came to commit. */
    PRECONDITION_FAILED,
    /** A lock could not be had in time: the key is busy. */
    SLOW_DOWN,
    INTERNAL
}
