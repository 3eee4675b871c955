package dev.cairn.storage.object;

import java.io.InputStream;
import java.util.List;

/**
 * Everything the S3 API needs from storage. Every method throws {@link ObjectException} on failure.
 * Object writes are atomic and strictly ordered per key: a successful return means the version is durable
 * on at least a write quorum of drives, and every later read sees it.
 */
public interface ObjectLayer {

    // ---- buckets

    void makeBucket(String bucket);

    BucketInfo getBucketInfo(String bucket);

    List<BucketInfo> listBuckets();

    /** Refuses a bucket that still holds objects or versions ({@link ObjectError#BUCKET_NOT_EMPTY}). */
    void deleteBucket(String bucket);

    // ---- objects

    /** Reads {@code size} bytes from {@code body} and stores them; the caller closes {@code body}. */
    ObjectInfo putObject(String bucket, String key, InputStream body, long size, PutOptions opts);

    /** {@code versionId} null for the latest. */
    ObjectInfo getObjectInfo(String bucket, String key, String versionId);

    /** {@code range} null for the whole object. The caller closes the returned stream. */
    ObjectStream getObject(String bucket, String key, String versionId, RangeSpec range);

    /** {@code versionId} null: delete the current version as the bucket's versioning says. */
    DeleteResult deleteObject(String bucket, String key, String versionId, Versioning versioning);

    /** Replaces the stored metadata of one version (tagging, metadata-only updates). */
    ObjectInfo updateObjectMetadata(String bucket, String key, String versionId,
                                    java.util.Map<String, String> metadata);

    ListResult listObjects(String bucket, ListOptions opts);

    ListResult listObjectVersions(String bucket, ListOptions opts);
}
