package dev.cairn.storage.object;

/**
 * A failed ObjectLayer call. {@link #error()} is what the API maps; {@link #deleteMarker()} and
 * {@link #versionId()} carry what S3 reports in headers for a key whose current version is a delete marker.
 */
public final class ObjectException extends RuntimeException {
    private final ObjectError error;
    private final boolean deleteMarker;
    private final String versionId;

    public ObjectException(ObjectError error, String message) {
        this(error, message, false, null, null);
    }

    public ObjectException(ObjectError error, String message, Throwable cause) {
        this(error, message, false, null, cause);
    }

    public ObjectException(ObjectError error, String message, boolean deleteMarker, String versionId,
                           Throwable cause) {
        super(error + ": " + message, cause);
        this.error = error;
        this.deleteMarker = deleteMarker;
        this.versionId = versionId;
    }

    public ObjectError error() {
        return error;
    }

    public boolean deleteMarker() {
        return deleteMarker;
    }

    public String versionId() {
        return versionId;
    }
}
