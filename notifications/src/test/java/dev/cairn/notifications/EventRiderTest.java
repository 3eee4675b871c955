package dev.cairn.notifications;

import dev.cairn.notifications.event.EventJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rider gives back the event it carried, exactly enough to render the same S3 event JSON again. */
class EventRiderTest {

    static final ObjectEvent CREATED = new ObjectEvent(EventName.OBJECT_CREATED_PUT,
            Instant.parse("2026-11-22T10:00:00.123456789Z"), new ObjectEvent.Bucket("photos", "owner-1"),
            new ObjectEvent.ObjectVersion("dir/ünï cödé.jpg", 4096L, "0123456789abcdef0123456789abcdef", "v-1",
                    "image/jpeg", Map.of("x-amz-meta-b", "2", "x-amz-meta-a", "\"quoted\"\n")),
            new ObjectEvent.Caller("AKIA", "127.0.0.1", "REQ1", "HOST1"));
    static final ObjectEvent REMOVED = new ObjectEvent(EventName.OBJECT_REMOVED_DELETE, Instant.EPOCH,
            new ObjectEvent.Bucket("photos", null), ObjectEvent.ObjectVersion.removed("k", null),
            new ObjectEvent.Caller(null, null, null, null));

    @Test
    void theEventAndItsPlacesComeBackAndRenderTheSameJson() throws IOException {
        List<EventRider.Place> places = List.of(new EventRider.Place("kafka-main", 41, "all"),
                new EventRider.Place("webhook-audit", 7, "jpegs"));
        byte[] rider = EventRider.encode(CREATED, "0000018f00000001", places);
        EventRider.Carried back = EventRider.decode(rider);
        assertEquals(CREATED, back.event());
        assertEquals("0000018f00000001", back.sequencer());
        assertEquals(places, back.places());
        for (EventRider.Place p : places) {
            assertArrayEquals(EventJson.toJson(CREATED, "us-east-1", p.ruleId(), "0000018f00000001"),
                    EventJson.toJson(back.event(), "us-east-1", p.ruleId(), back.sequencer()));
        }
        byte[] json = EventJson.toJson(CREATED, "us-east-1", "all", "0000018f00000001");
        assertTrue(rider.length * 2 < json.length, rider.length + " bytes carry a " + json.length + "-byte record");
    }

    @Test
    void absentFieldsStayAbsent() throws IOException {
        assertEquals(REMOVED, EventRider.decode(EventRider.encode(REMOVED, "s", List.of())).event());
    }

    @Test
    void bytesThatAreNotARiderAreRefused() {
        assertThrows(IOException.class, () -> EventRider.decode(new byte[] {9, 9}));
        byte[] rider = EventRider.encode(CREATED, "s", List.of());
        assertThrows(IOException.class, () -> EventRider.decode(java.util.Arrays.copyOf(rider, rider.length - 3)));
    }
}
