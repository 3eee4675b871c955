package dev.cairn.storage.api;

import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;

/**
 * Translates ObjectLayer failures into S3 errors: one exhaustive switch, so a new {@link ObjectError} does not
 * compile until it is mapped. The client message is the table's; the ObjectException (with its internal detail:
 * drive states, paths) stays as the cause, for logs only.
 *
 * <p>Identity errors (authentication, authorization) are mapped by their own translator, not here.
 */
public final class ErrorMapper {

    public static final String DELETE_MARKER_HEADER = "x-amz-delete-marker";
    public static final String VERSION_ID_HEADER = "x-amz-version-id";

    private ErrorMapper() {
    }

    public static S3Exception from(ObjectException e) {
        ObjectError error = e.error();
        S3Exception s3 = new S3Exception(errorOf(error), null, e);
        // A GET or HEAD of a key whose latest version is a delete marker, or of a delete marker's version id:
        // S3 says so in headers, so that clients can tell "deleted" from "never existed".
        boolean aboutMarker = error == ObjectError.OBJECT_NOT_FOUND || error == ObjectError.METHOD_NOT_ALLOWED;
        if (aboutMarker && e.deleteMarker()) {
            s3.withHeader(DELETE_MARKER_HEADER, "true");
            if (e.versionId() != null) {
                s3.withHeader(VERSION_ID_HEADER, e.versionId());
            }
            if (error == ObjectError.METHOD_NOT_ALLOWED) {
                s3.withField("ResourceType", "DeleteMarker");
            }
        }
        return s3;
    }

    /** The table entry for an ObjectLayer error. */
    public static S3Error errorOf(ObjectError error) {
        return switch (error) {
            case BUCKET_NOT_FOUND -> S3Error.NO_SUCH_BUCKET;
            // The ObjectLayer has no owners; the handler answers BucketAlreadyExists when another account owns it.
            case BUCKET_EXISTS -> S3Error.BUCKET_ALREADY_OWNED_BY_YOU;
            case BUCKET_NOT_EMPTY -> S3Error.BUCKET_NOT_EMPTY;
            case INVALID_BUCKET_NAME -> S3Error.INVALID_BUCKET_NAME;
            case OBJECT_NOT_FOUND -> S3Error.NO_SUCH_KEY;
            case VERSION_NOT_FOUND -> S3Error.NO_SUCH_VERSION;
            case METHOD_NOT_ALLOWED -> S3Error.METHOD_NOT_ALLOWED;
            // Keys over 1024 bytes are refused by the API before they get here (S3Keys.requireValidLength):
            // what reaches the drives and fails is a name they cannot store.
            case INVALID_OBJECT_NAME -> S3Error.INVALID_OBJECT_NAME;
            case INVALID_RANGE -> S3Error.INVALID_RANGE;
            case BAD_DIGEST -> S3Error.BAD_DIGEST;
            case INCOMPLETE_BODY -> S3Error.INCOMPLETE_BODY;
            case INSUFFICIENT_READ_QUORUM -> S3Error.INSUFFICIENT_READ_QUORUM;
            case INSUFFICIENT_WRITE_QUORUM -> S3Error.INSUFFICIENT_WRITE_QUORUM;
            case STORAGE_FULL -> S3Error.STORAGE_FULL;
            case NO_SUCH_UPLOAD -> S3Error.NO_SUCH_UPLOAD;
            case INVALID_PART -> S3Error.INVALID_PART;
            case INVALID_PART_ORDER -> S3Error.INVALID_PART_ORDER;
            case ENTITY_TOO_SMALL -> S3Error.ENTITY_TOO_SMALL;
            case PRECONDITION_FAILED -> S3Error.PRECONDITION_FAILED;
            case SLOW_DOWN -> S3Error.SLOW_DOWN;
            case INTERNAL -> S3Error.INTERNAL_ERROR;
        };
    }
}
