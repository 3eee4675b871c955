package dev.cairn.storage.object;

import java.time.Instant;
import java.util.Map;

/**
 * What the S3 API says about one object version.
 *
 * @param versionId    the version id, {@code "null"} for the null version
 * @param latest       whether this is the key's current version
 * @param deleteMarker whether this version is a delete marker
 * @param etag         hex MD5 for single-part objects, {@code md5-of-part-md5s-N} for multipart; no quotes
 * @param metadata     content-type, other standard headers and x-amz-meta-* as stored
 * @param partSizes    the size of each part, in order (one entry for a single-part object, none for a delete
 *                     marker)
 */
public record ObjectInfo(String bucket, String key, String versionId, boolean latest, boolean deleteMarker,
                         long size, String etag, Instant modTime, Map<String, String> metadata,
                         java.util.List<Long> partSizes, StorageClass storageClass) {

    public int partCount() {
        return partSizes.size();
    }

    public static final String NULL_VERSION_ID = "null";

    /** Whether a multipart upload made this version (its ETag is {@code md5-of-part-md5s-N}), however many parts. */
    public boolean multipart() {
        return etag.indexOf('-') >= 0;
    }

    public String contentType() {
        return metadata.getOrDefault("content-type", "application/octet-stream");
    }
}
