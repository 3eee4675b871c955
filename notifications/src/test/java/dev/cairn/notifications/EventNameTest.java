package dev.cairn.notifications;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventNameTest {

    @Test
    void namesAreThoseOfS3() {
        assertEquals("s3:ObjectCreated:CompleteMultipartUpload",
                EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD.configName());
        assertEquals("ObjectRemoved:DeleteMarkerCreated", EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED.recordName());
    }

    @Test
    void wildcardsExpandToTheirFamily() {
        assertEquals(EnumSet.of(EventName.OBJECT_REMOVED_DELETE, EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED),
                EventName.expand("s3:ObjectRemoved:*"));
        assertEquals(EnumSet.of(EventName.OBJECT_ACCESSED_GET, EventName.OBJECT_ACCESSED_HEAD),
                EventName.expand("s3:ObjectAccessed:*"));
        assertEquals(Set.of(EventName.OBJECT_TAGGING_DELETE), EventName.expand("s3:ObjectTagging:Delete"));
        int total = 0;
        for (String family : new String[]{"ObjectCreated", "ObjectRemoved", "ObjectAccessed", "ObjectTagging"}) {
            total += EventName.expand("s3:" + family + ":*").size();
        }
        assertEquals(EventName.values().length, total);
    }

    @Test
    void namesCompareExactly() {
        assertThrows(IllegalArgumentException.class, () -> EventName.expand("s3:objectcreated:put"));
        assertThrows(IllegalArgumentException.class, () -> EventName.expand("s3:ObjectCreated:"));
        assertThrows(IllegalArgumentException.class, () -> EventName.expand("s3:ObjectRestore:*"));
    }
}
