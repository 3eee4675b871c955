package dev.cairn.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One committed (or, for {@code ObjectAccessed}, served) operation on one object, as the node hands it to the
 * {@link EventSink}: what happened, to which version, and who asked. The sink adds the sequencer.
 *
 * @param time   when the operation finished (the record's {@code eventTime})
 * @param bucket the bucket and its owner
 * @param object the object version the event is about
 * @param caller who asked, and the request's ids
 */
public record ObjectEvent(EventName name, Instant time, Bucket bucket, ObjectVersion object, Caller caller) {

    public ObjectEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(caller, "caller");
    }

    /** The Kafka record key: {@code bucket/key}, so every event of one object lands in one partition, in order. */
    public String partitionKey() {
        return bucket.name() + "/" + object.key();
    }

    /** @param ownerId the owner's principal id ({@code ownerIdentity.principalId}) */
    public record Bucket(String name, String ownerId) {
    }

    /**
     * @param size         bytes; null where S3 sends none (removals)
     * @param etag         without quotes; null where S3 sends none (removals)
     * @param versionId    null for the null version of an unversioned bucket (S3 then sends no versionId)
     * @param contentType  null where unknown (removals)
     * @param userMetadata the {@code x-amz-meta-*} headers, names as stored
     */
    public record ObjectVersion(String key, Long size, String etag, String versionId, String contentType,
                                Map<String, String> userMetadata) {
        public ObjectVersion {
            Objects.requireNonNull(key, "key");
            userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
        }

        /** A removed version: S3 records only the key and the version. */
        public static ObjectVersion removed(String key, String versionId) {
            return new ObjectVersion(key, null, null, versionId, null, Map.of());
        }
    }

    /**
     * @param principalId who asked ({@code userIdentity.principalId}): an access key, or "anonymous"
     * @param sourceIp    the client's address
     * @param requestId   the {@code x-amz-request-id} the client got
     * @param hostId      the {@code x-amz-id-2} the client got
     */
    public record Caller(String principalId, String sourceIp, String requestId, String hostId) {
    }
}
