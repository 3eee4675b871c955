package dev.cairn.storage.object;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

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

    /**
     * Reads {@code size} bytes from {@code body} (or, with size -1, everything up to its end) and stores them; the
     * caller closes {@code body}.
     */
    ObjectInfo putObject(String bucket, String key, InputStream body, long size, PutOptions opts);

    /** {@code versionId} null for the latest. */
    ObjectInfo getObjectInfo(String bucket, String key, String versionId);

    /** {@code range} null for the whole object. The caller closes the returned stream. */
    ObjectStream getObject(String bucket, String key, String versionId, RangeSpec range);

    /** {@code versionId} null: delete the current version as the bucket's versioning says. */
    DeleteResult deleteObject(String bucket, String key, String versionId, Versioning versioning);

    /**
     * Replaces the metadata of one version (tagging, ACLs, metadata-only updates), given as
     * {@link ObjectInfo#metadata()} shows it; the version's ETag and storage class stay as they are.
     */
    ObjectInfo updateObjectMetadata(String bucket, String key, String versionId,
                                    java.util.Map<String, String> metadata);

    /**
     * Copies a version into another key, streaming: {@code opts.metadata()} replaces the source's metadata when
     * {@code replaceMetadata}, else the source's is kept. Copying a key onto itself is allowed.
     */
    ObjectInfo copyObject(String srcBucket, String srcKey, String srcVersionId, String dstBucket, String dstKey,
                          PutOptions opts, boolean replaceMetadata);

    /** Deletes each entry independently; one failing does not stop the others. */
    java.util.List<DeleteOutcome> deleteObjects(String bucket, List<ObjectToDelete> objects, Versioning versioning);

    ListResult listObjects(String bucket, ListOptions opts);

    ListResult listObjectVersions(String bucket, ListOptions opts);

    // ---- multipart uploads

    /** Starts an upload; the options' metadata and storage class apply to the completed object. */
    MultipartUpload newMultipartUpload(String bucket, String key, PutOptions opts);

    /**
     * Stores (or replaces) part {@code partNumber} (1..10000) of an upload; {@code size} -1: until the body ends.
     * {@code checksum}, asked once the body has been read, gives what to record as the part's checksum (or null).
     */
    UploadedPart putObjectPart(String bucket, String key, String uploadId, int partNumber, InputStream body,
                               long size, String expectedMd5, java.util.function.Supplier<String> checksum);

    /** {@link #putObjectPart} with no checksum to record. */
    default UploadedPart putObjectPart(String bucket, String key, String uploadId, int partNumber, InputStream body,
                                       long size, String expectedMd5) {
        return putObjectPart(bucket, key, uploadId, partNumber, body, size, expectedMd5, () -> null);
    }

    ListPartsResult listObjectParts(String bucket, String key, String uploadId, int partNumberMarker, int maxParts);

    ListUploadsResult listMultipartUploads(String bucket, String prefix, String delimiter, String keyMarker,
                                           String uploadIdMarker, int maxUploads);

    /**
     * Assembles the listed parts (ascending part numbers, ETags as uploaded, every part but the last at least
     * 5 MiB) into the object; the upload is gone afterwards. Completing an upload again while the version it made is
     * the key's current one returns that version.
     */
    ObjectInfo completeMultipartUpload(String bucket, String key, String uploadId, List<CompletePart> parts,
                                       Versioning versioning, UploadCompletion completion);

    /** {@link #completeMultipartUpload} adding nothing to the object's metadata. */
    default ObjectInfo completeMultipartUpload(String bucket, String key, String uploadId, List<CompletePart> parts,
                                               Versioning versioning) {
        return completeMultipartUpload(bucket, key, uploadId, parts, versioning, (meta, chosen) -> Map.of());
    }

    void abortMultipartUpload(String bucket, String key, String uploadId);

    // ---- bucket configuration

    /** A bucket's stored configuration document {@code name} (versioning, policy, ...), or null if unset. */
    byte[] getBucketMeta(String bucket, String name);

    /** Stores (or, with null, removes) a bucket's configuration document. */
    void setBucketMeta(String bucket, String name, byte[] content);
}
