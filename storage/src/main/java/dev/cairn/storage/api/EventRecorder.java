package dev.cairn.storage.api;

import dev.cairn.notifications.EventName;
import dev.cairn.notifications.EventSink;
import dev.cairn.notifications.ObjectEvent;
import dev.cairn.storage.object.CommitObserver;
import dev.cairn.storage.object.DeleteResult;
import dev.cairn.storage.object.ObjectInfo;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Turns what a handler's ObjectLayer call commits (the version's ObjectInfo, the request, the caller) into an
 * {@link ObjectEvent} for the node's {@link EventSink}. A mutation runs through {@link #creating} or {@link #removing}:
 * its event is submitted at the instant it commits, under the key's write lock, so the events of one key are queued
 * (and sequenced) in the order of its commits even with concurrent writers; the handler returns (and answers) only
 * once the event is stored, so an acknowledged mutation has its event queued. Cheap when the bucket has no
 * notification configuration: one cached lookup, no event built.
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

    /** Runs {@code mutation}, which writes a version (or its tags): each version it commits gets a {@code name} event. */
    <T> T creating(S3Call call, EventName name, Supplier<T> mutation) {
        return creating(call, name, call.owner(), mutation);
    }

    /** As {@link #creating(S3Call, EventName, Supplier)}, by a caller the request itself names (a signed form). */
    <T> T creating(S3Call call, EventName name, String principalId, Supplier<T> mutation) {
        return observed(call, new Observer(call, name, principalId), mutation);
    }

    /** Runs {@code mutation}, which deletes: each delete it commits gets a removal event. */
    <T> T removing(S3Call call, Supplier<T> mutation) {
        return observed(call, new Observer(call, null, call.owner()), mutation);
    }

    /** A version was read: the event carries its size, ETag and metadata. Reads need no ordering with commits. */
    void accessed(S3Call call, EventName name, ObjectInfo info) {
        if (sink.wants(info.bucket())) {
            sink.record(versionEvent(call, name, info, call.owner(), call.settings.owner(info.bucket())));
        }
    }

    private <T> T observed(S3Call call, Observer observer, Supplier<T> mutation) {
        if (!sink.wants(call.bucket())) {
            return mutation.get();
        }
        try {
            return CommitObserver.during(observer, mutation);
        } finally {
            observer.queued.forEach(EventSink.Queued::await); // whatever committed keeps its event, even on a throw
        }
    }

    /** Submits the events of one handler's commits; called on the handler's thread, under each key's lock. */
    private final class Observer implements CommitObserver {
        private final S3Call call;
        private final EventName created;
        private final String principalId;
        private final String bucketOwner;
        final List<EventSink.Queued> queued = new ArrayList<>(1);

        Observer(S3Call call, EventName created, String principalId) {
            this.call = call;
            this.created = created;
            this.principalId = principalId;
            this.bucketOwner = call.settings.owner(call.bucket()); // looked up before, not under, the key's lock
        }

        /** Unused by the erasure layer, which prepares every commit: the same, with no rider to carry. */
        @Override
        public void committed(ObjectInfo version) {
            preparing(version).committed(0);
        }

        /** The event's places are taken before the commit, and its queue record rides in the commit's journal. */
        @Override
        public Prepared preparing(ObjectInfo version) {
            if (created == null) {
                return Prepared.NONE;
            }
            return prepared(sink.prepare(versionEvent(call, created, version, principalId, bucketOwner)));
        }

        /** The observer's part in a commit: the sink's reservation, and the wait it leaves for after the lock. */
        private Prepared prepared(EventSink.Reserved reserved) {
            return new Prepared() {
                @Override
                public byte[] rider() {
                    return reserved.rider();
                }

                @Override
                public void committed(int riderCopies) {
                    queued.add(reserved.committed(riderCopies));
                }

                @Override
                public void abandoned() {
                    reserved.abandoned();
                }
            };
        }

        @Override
        public void removed(String bucket, String key, String requestedVersionId, DeleteResult result) {
            preparingRemoval(bucket, key, requestedVersionId, result).committed(0);
        }

        @Override
        public Prepared preparingRemoval(String bucket, String key, String requestedVersionId, DeleteResult result) {
            return prepared(sink.prepare(removalEvent(bucket, key, requestedVersionId, result)));
        }

        private ObjectEvent removalEvent(String bucket, String key, String requestedVersionId, DeleteResult result) {
            // a delete without a version id in a versioned bucket made a marker; any other delete removed a version
            EventName name = result.deleteMarker() && requestedVersionId == null
                    ? EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED : EventName.OBJECT_REMOVED_DELETE;
            return event(call, name, new ObjectEvent.Bucket(bucket, bucketOwner),
                    ObjectEvent.ObjectVersion.removed(key, versionOf(result.versionId())), principalId);
        }
    }

    private ObjectEvent versionEvent(S3Call call, EventName name, ObjectInfo info, String principalId,
                                     String bucketOwner) {
        Map<String, String> user = new TreeMap<>();
        info.metadata().forEach((k, v) -> {
            if (k.startsWith(ObjectHeaders.USER_PREFIX)) {
                user.put(k, v);
            }
        });
        ObjectEvent.ObjectVersion object = new ObjectEvent.ObjectVersion(info.key(), info.size(), info.etag(),
                versionOf(info.versionId()), info.contentType(), user);
        return event(call, name, new ObjectEvent.Bucket(info.bucket(), bucketOwner), object, principalId);
    }

    private ObjectEvent event(S3Call call, EventName name, ObjectEvent.Bucket bucket, ObjectEvent.ObjectVersion object,
                              String principalId) {
        return new ObjectEvent(name, clock.instant(), bucket, object,
                new ObjectEvent.Caller(principalId, call.sourceIp, call.requestId, hostId));
    }

    /** The null version of an unversioned key has no version id in S3 events. */
    private static String versionOf(String versionId) {
        return versionId == null || ObjectInfo.NULL_VERSION_ID.equals(versionId) ? null : versionId;
    }
}
