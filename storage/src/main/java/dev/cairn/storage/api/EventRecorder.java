package dev.cairn.storage.api;

import dev.cairn.notifications.EventName;
import dev.cairn.notifications.EventSink;
import dev.cairn.notifications.ObjectEvent;
import dev.cairn.storage.object.ObjectInfo;

import java.time.InstantSource;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what a handler knows after its commit (the version's ObjectInfo, the request, the caller) into an
 * {@link ObjectEvent} for the node's {@link EventSink}. Handlers call it after the ObjectLayer committed and before
 * they answer, so an acknowledged mutation has its event queued. Cheap when the bucket has no notification
 * configuration: one cached lookup, no event built.
 */
final class EventRecorder {
    private final EventSink sink;
    private final String hostId;
    private final InstantSource clock;

    EventRecorder(EventSink sink, String hostId, InstantSource clock) {
        this.sink = sink;
        this.hostId = hostId;
        this.clock = clock;
    }

    /** A version was written, read, or had its tags changed: the event carries its size, ETag and metadata. */
    void version(S3Call call, EventName name, ObjectInfo info) {
        version(call, name, info, call.owner());
    }

    /** As {@link #version(S3Call, EventName, ObjectInfo)}, by a caller the request itself names (a signed form). */
    void version(S3Call call, EventName name, ObjectInfo info, String principalId) {
        if (!sink.wants(info.bucket())) {
            return;
        }
        Map<String, String> user = new TreeMap<>();
        info.metadata().forEach((k, v) -> {
            if (k.startsWith(ObjectHeaders.USER_PREFIX)) {
                user.put(k, v);
            }
        });
        record(call, name, info.bucket(), new ObjectEvent.ObjectVersion(info.key(), info.size(), info.etag(),
                versionOf(info.versionId()), info.contentType(), user), principalId);
    }

    /** A version was removed or a delete marker made: S3 says only which key and version. */
    void removed(S3Call call, EventName name, String key, String versionId) {
        if (!sink.wants(call.bucket())) {
            return;
        }
        record(call, name, call.bucket(), ObjectEvent.ObjectVersion.removed(key, versionOf(versionId)), call.owner());
    }

    private void record(S3Call call, EventName name, String bucket, ObjectEvent.ObjectVersion object,
                        String principalId) {
        String owner = call.settings.owner(bucket);
        sink.record(new ObjectEvent(name, clock.instant(), new ObjectEvent.Bucket(bucket, owner), object,
                new ObjectEvent.Caller(principalId, call.sourceIp, call.requestId, hostId)));
    }

    /** The null version of an unversioned key has no version id in S3 events. */
    private static String versionOf(String versionId) {
        return versionId == null || ObjectInfo.NULL_VERSION_ID.equals(versionId) ? null : versionId;
    }
}
