package dev.cairn.notifications.event;

import dev.cairn.notifications.EventName;
import dev.cairn.notifications.ObjectEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventJsonTest {
    static final ObjectEvent.Caller CALLER = new ObjectEvent.Caller("AKIAEXAMPLE", "127.0.0.1", "17F0A1B2C3D4E5F6",
            "aG9zdA==");
    static final ObjectEvent.Bucket BUCKET = new ObjectEvent.Bucket("photos", "owner-1");

    @Test
    void createdEventIsTheS3MessageStructure() {
        ObjectEvent e = new ObjectEvent(EventName.OBJECT_CREATED_PUT, Instant.parse("2026-03-01T12:34:56.789123Z"),
                BUCKET, new ObjectEvent.ObjectVersion("2026/red flower+x.jpg", 4096L, "d41d8cd98f00b204e9800998ecf8427e",
                "3f1c6d2e-0000-4000-8000-000000000001", "image/jpeg", Map.of("x-amz-meta-b", "2", "x-amz-meta-a", "\"q\"")),
                CALLER);
        String json = new String(EventJson.toJson(e, "us-east-1", "images", "0195A1B2C3D40001"), StandardCharsets.UTF_8);
        String golden = """
                {"Records":[{"eventVersion":"2.1","eventSource":"cairn:s3","awsRegion":"us-east-1",\
                "eventTime":"2026-03-01T12:34:56.789Z","eventName":"ObjectCreated:Put",\
                "userIdentity":{"principalId":"AKIAEXAMPLE"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},\
                "responseElements":{"x-amz-request-id":"17F0A1B2C3D4E5F6","x-amz-id-2":"aG9zdA=="},\
                "s3":{"s3SchemaVersion":"1.0","configurationId":"images","bucket":{"name":"photos",\
                "ownerIdentity":{"principalId":"owner-1"},"arn":"arn:aws:s3:::photos"},\
                "object":{"key":"2026/red+flower%2Bx.jpg","size":4096,"eTag":"d41d8cd98f00b204e9800998ecf8427e",\
                "versionId":"3f1c6d2e-0000-4000-8000-000000000001","sequencer":"0195A1B2C3D40001",\
                "contentType":"image/jpeg","userMetadata":{"x-amz-meta-a":"\\"q\\"","x-amz-meta-b":"2"}}}}]}""";
        assertEquals(golden, json);
    }

    @Test
    void removalCarriesKeyVersionAndSequencerOnly() {
        ObjectEvent e = new ObjectEvent(EventName.OBJECT_REMOVED_DELETE, Instant.parse("2026-03-01T00:00:00Z"), BUCKET,
                ObjectEvent.ObjectVersion.removed("a/b", null), CALLER);
        String json = new String(EventJson.toJson(e, "eu-west-1", "c1", "00000000000000FF"), StandardCharsets.UTF_8);
        String object = json.substring(json.indexOf("\"object\""));
        assertEquals("\"object\":{\"key\":\"a/b\",\"sequencer\":\"00000000000000FF\"}}}]}", object);
        assertEquals(true, json.contains("\"awsRegion\":\"eu-west-1\""));
        assertEquals(true, json.contains("\"eventTime\":\"2026-03-01T00:00:00.000Z\""));
        assertEquals(true, json.contains("\"eventName\":\"ObjectRemoved:Delete\""));
    }

    @Test
    void controlCharactersAreEscaped() {
        ObjectEvent e = new ObjectEvent(EventName.OBJECT_TAGGING_PUT, Instant.EPOCH, BUCKET,
                new ObjectEvent.ObjectVersion("k", 1L, "e", null, "text/plain\u0001",
                        Map.of("x-amz-meta-n", "a\nb\\")), CALLER);
        String json = new String(EventJson.toJson(e, "r", "c", "1"), StandardCharsets.UTF_8);
        assertEquals(true, json.contains("\"contentType\":\"text/plain\\u0001\""), json);
        assertEquals(true, json.contains("\"x-amz-meta-n\":\"a\\nb\\\\\""), json);
    }

    @Test
    void keysAreEncodedAsS3EncodesThem() {
        assertEquals("a/b+c%3Ad%C3%A9%7E", KeyEncoding.urlEncode("a/b c:dé~"));
        assertEquals("plain-key_1.txt*", KeyEncoding.urlEncode("plain-key_1.txt*"));
    }
}
