package dev.cairn.notifications;

import java.util.EnumSet;
import java.util.Set;

/**
 * The bucket events Cairn emits, with the names S3 uses: {@code s3:ObjectCreated:Put} in notification
 * configurations, {@code ObjectCreated:Put} (no {@code s3:} prefix) in the event records themselves.
 */
public enum EventName {
    OBJECT_CREATED_PUT("ObjectCreated", "Put"),
    OBJECT_CREATED_POST("ObjectCreated", "Post"),
    OBJECT_CREATED_COPY("ObjectCreated", "Copy"),
    OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD("ObjectCreated", "CompleteMultipartUpload"),
    OBJECT_REMOVED_DELETE("ObjectRemoved", "Delete"),
    OBJECT_REMOVED_DELETE_MARKER_CREATED("ObjectRemoved", "DeleteMarkerCreated"),
    OBJECT_ACCESSED_GET("ObjectAccessed", "Get"),
    OBJECT_ACCESSED_HEAD("ObjectAccessed", "Head"),
    OBJECT_TAGGING_PUT("ObjectTagging", "Put"),
    OBJECT_TAGGING_DELETE("ObjectTagging", "Delete");

    private final String family;
    private final String recordName;

    EventName(String family, String action) {
        this.family = family;
        this.recordName = family + ":" + action;
    }

    /** As a notification configuration writes it: {@code s3:ObjectCreated:Put}. */
    public String configName() {
        return "s3:" + recordName;
    }

    /** As an event record's {@code eventName} carries it: {@code ObjectCreated:Put}. */
    public String recordName() {
        return recordName;
    }

    /**
     * The events an {@code <Event>} of a notification configuration selects: one name, or a family with
     * {@code *} ({@code s3:ObjectCreated:*}). Names compare as S3 compares them, exactly.
     *
     * @throws IllegalArgumentException for a name Cairn does not emit
     */
    public static Set<EventName> expand(String pattern) {
        Set<EventName> out = EnumSet.noneOf(EventName.class);
        String p = pattern == null ? "" : pattern.trim();
        for (EventName e : values()) {
            if (p.equals(e.configName()) || p.equals("s3:" + e.family + ":*")) {
                out.add(e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("The event '" + p + "' is not supported for notifications");
        }
        return out;
    }
}
