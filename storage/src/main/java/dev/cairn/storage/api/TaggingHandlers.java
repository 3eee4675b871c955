package dev.cairn.storage.api;

import dev.cairn.notifications.EventName;
import dev.cairn.storage.api.xml.Tagging;
import dev.cairn.storage.object.ObjectInfo;

import java.util.HashMap;
import java.util.Map;

/**
 * Object and bucket tags. Object tags are stored with the version's metadata under {@link #METADATA_KEY} in
 * their {@code x-amz-tagging} form (they change with PutObjectTagging without rewriting data); bucket tags are
 * bucket configuration.
 */
final class TaggingHandlers {
    /** Where an object version's tags live in its metadata; never sent as a header. */
    static final String METADATA_KEY = "x-amz-tagging";
    static final String BUCKET_CONFIG = "tagging";

    void getObjectTagging(S3Call call) {
        String versionId = ObjectRequests.versionId(call.request());
        ObjectInfo info = call.layer.getObjectInfo(call.bucket(), call.key(), versionId);
        if (versionId != null) {
            call.header("x-amz-version-id", info.versionId());
        }
        call.xml(200, tagsOf(info).toXml());
    }

    void putObjectTagging(S3Call call) {
        Tagging tags = Tagging.parse(call.body(), Tagging.Scope.OBJECT);
        setTags(call, tags.tags().isEmpty() ? null : tags.toHeader(), EventName.OBJECT_TAGGING_PUT);
        call.empty(200);
    }

    void deleteObjectTagging(S3Call call) {
        setTags(call, null, EventName.OBJECT_TAGGING_DELETE);
        call.empty(204);
    }

    private static void setTags(S3Call call, String header, EventName event) {
        String versionId = ObjectRequests.versionId(call.request());
        ObjectInfo info = call.layer.getObjectInfo(call.bucket(), call.key(), versionId);
        Map<String, String> meta = new HashMap<>(info.metadata());
        if (header == null) {
            meta.remove(METADATA_KEY);
        } else {
            meta.put(METADATA_KEY, header);
        }
        call.events.creating(call, event,
                () -> call.layer.updateObjectMetadata(call.bucket(), call.key(), info.versionId(), meta));
        if (versionId != null || !"null".equals(info.versionId())) {
            call.header("x-amz-version-id", info.versionId());
        }
    }

    static Tagging tagsOf(ObjectInfo info) {
        return Tagging.fromHeader(info.metadata().get(METADATA_KEY), Tagging.Scope.OBJECT);
    }

    /** The x-amz-tagging header of a PUT, POST or copy, validated, in stored form; null when absent. */
    static String fromRequest(S3Call call) {
        String header = call.request().header("x-amz-tagging");
        if (header == null) {
            return null;
        }
        Tagging tags = Tagging.fromHeader(header, Tagging.Scope.OBJECT);
        return tags.tags().isEmpty() ? null : tags.toHeader();
    }

    void getBucketTagging(S3Call call) {
        byte[] stored = call.layer.getBucketMeta(call.bucket(), BUCKET_CONFIG);
        if (stored == null) {
            throw new S3Exception(S3Error.NO_SUCH_TAG_SET, "The TagSet does not exist");
        }
        call.xml(200, stored);
    }

    void putBucketTagging(S3Call call) {
        Tagging tags = Tagging.parse(call.body(), Tagging.Scope.BUCKET);
        call.layer.setBucketMeta(call.bucket(), BUCKET_CONFIG, tags.toXml());
        call.empty(204);
    }

    void deleteBucketTagging(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.layer.setBucketMeta(call.bucket(), BUCKET_CONFIG, null);
        call.empty(204);
    }
}
