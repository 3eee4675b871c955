package dev.cairn.storage.object;

import java.io.InputStream;
import java.util.List;

/**
 * An ObjectLayer that hands every call to another: the base of decorators, which override only what they change
 * (the S3 API's access guard, fault injection in tests).
 */
public abstract class ForwardingObjectLayer implements ObjectLayer {
    protected final ObjectLayer delegate;

    protected ForwardingObjectLayer(ObjectLayer delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void makeBucket(String bucket) {
        delegate.makeBucket(bucket);
    }

    @Override
    public BucketInfo getBucketInfo(String bucket) {
        return delegate.getBucketInfo(bucket);
    }

    @Override
    public List<BucketInfo> listBuckets() {
        return delegate.listBuckets();
    }

    @Override
    public void deleteBucket(String bucket) {
        delegate.deleteBucket(bucket);
    }

    @Override
    public ObjectInfo putObject(String bucket, String key, InputStream body, long size, PutOptions opts) {
        return delegate.putObject(bucket, key, body, size, opts);
    }

    @Override
    public ObjectInfo getObjectInfo(String bucket, String key, String versionId) {
        return delegate.getObjectInfo(bucket, key, versionId);
    }

    @Override
    public ObjectStream getObject(String bucket, String key, String versionId, RangeSpec range) {
        return delegate.getObject(bucket, key, versionId, range);
    }

    @Override
    public DeleteResult deleteObject(String bucket, String key, String versionId, Versioning versioning) {
        return delegate.deleteObject(bucket, key, versionId, versioning);
    }

    @Override
    public ObjectInfo updateObjectMetadata(String bucket, String key, String versionId, 
            java.util.Map<String, String> metadata) {
        return delegate.updateObjectMetadata(bucket, key, versionId, metadata);
    }

    @Override
    public ObjectInfo copyObject(String srcBucket, String srcKey, String srcVersionId, String dstBucket, String dstKey,
            PutOptions opts, boolean replaceMetadata) {
        return delegate.copyObject(srcBucket, srcKey, srcVersionId, dstBucket, dstKey, opts, replaceMetadata);
    }

    @Override
    public List<DeleteOutcome> deleteObjects(String bucket, List<ObjectToDelete> objects, Versioning versioning) {
        return delegate.deleteObjects(bucket, objects, versioning);
    }

    @Override
    public ListResult listObjects(String bucket, ListOptions opts) {
        return delegate.listObjects(bucket, opts);
    }

    @Override
    public ListResult listObjectVersions(String bucket, ListOptions opts) {
        return delegate.listObjectVersions(bucket, opts);
    }

    @Override
    public MultipartUpload newMultipartUpload(String bucket, String key, PutOptions opts) {
        return delegate.newMultipartUpload(bucket, key, opts);
    }

    @Override
    public UploadedPart putObjectPart(String bucket, String key, String uploadId, int partNumber, InputStream body,
            long size, String expectedMd5, java.util.function.Supplier<String> checksum) {
        return delegate.putObjectPart(bucket, key, uploadId, partNumber, body, size, expectedMd5, checksum);
    }

    @Override
    public ListPartsResult listObjectParts(String bucket, String key, String uploadId, int partNumberMarker,
            int maxParts) {
        return delegate.listObjectParts(bucket, key, uploadId, partNumberMarker, maxParts);
    }

    @Override
    public ListUploadsResult listMultipartUploads(String bucket, String prefix, String delimiter, String keyMarker,
            String uploadIdMarker, int maxUploads) {
        return delegate.listMultipartUploads(bucket, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
    }

    @Override
    public ObjectInfo completeMultipartUpload(String bucket, String key, String uploadId, List<CompletePart> parts,
            Versioning versioning, UploadCompletion completion) {
        return delegate.completeMultipartUpload(bucket, key, uploadId, parts, versioning, completion);
    }

    @Override
    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        delegate.abortMultipartUpload(bucket, key, uploadId);
    }

    @Override
    public byte[] getBucketMeta(String bucket, String name) {
        return delegate.getBucketMeta(bucket, name);
    }

    @Override
    public void setBucketMeta(String bucket, String name, byte[] content) {
        delegate.setBucketMeta(bucket, name, content);
    }
}
