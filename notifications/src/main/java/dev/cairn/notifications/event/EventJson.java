package dev.cairn.notifications.event;

import dev.cairn.notifications.ObjectEvent;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event as the S3 event message structure (version 2.1): {@code {"Records":[{...}]}} with the fields AWS
 * documents, in AWS's order, plus MinIO's {@code contentType} and {@code userMetadata} on the object. The key is
 * URL-encoded as S3 does ({@link KeyEncoding}). Removals carry no size, eTag, content type or metadata, as in S3.
 */
public final class EventJson {
    static final String EVENT_VERSION = "2.1";
    static final String EVENT_SOURCE = "cairn:s3";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EventJson() {
    }

    /**
     * @param region          the node's region ({@code awsRegion})
     * @param configurationId the {@code Id} of the notification configuration that selected the event
     */
    public static byte[] toJson(ObjectEvent e, String region, String configurationId, String sequencer) {
        Json j = new Json(1536); // an event with a short key and no metadata is about 1 KB: no regrowth
        j.open("{").name("Records").open("[").open("{");
        j.field("eventVersion", EVENT_VERSION).field("eventSource", EVENT_SOURCE).field("awsRegion", region)
                .field("eventTime", TIME.format(e.time())).field("eventName", e.name().recordName());
        j.name("userIdentity").open("{").field("principalId", e.caller().principalId()).close("}");
        j.name("requestParameters").open("{").field("sourceIPAddress", e.caller().sourceIp()).close("}");
        j.name("responseElements").open("{").field("x-amz-request-id", e.caller().requestId())
                .field("x-amz-id-2", e.caller().hostId()).close("}");
        j.name("s3").open("{").field("s3SchemaVersion", "1.0").field("configurationId", configurationId);
        j.name("bucket").open("{").field("name", e.bucket().name());
        j.name("ownerIdentity").open("{").field("principalId", e.bucket().ownerId()).close("}");
        j.field("arn", "arn:aws:s3:::" + e.bucket().name()).close("}");
        object(j, e.object(), sequencer);
        j.close("}").close("}").close("]").close("}");
        return j.bytes();
    }

    private static void object(Json j, ObjectEvent.ObjectVersion o, String sequencer) {
        j.name("object").open("{").field("key", KeyEncoding.urlEncode(o.key()));
        if (o.size() != null) {
            j.number("size", o.size());
        }
        if (o.etag() != null) {
            j.field("eTag", o.etag());
        }
        if (o.versionId() != null) {
            j.field("versionId", o.versionId());
        }
        j.field("sequencer", sequencer);
        if (o.contentType() != null) {
            j.field("contentType", o.contentType());
        }
        if (!o.userMetadata().isEmpty()) {
            j.name("userMetadata").open("{");
            for (Map.Entry<String, String> m : new TreeMap<>(o.userMetadata()).entrySet()) {
                j.field(m.getKey(), m.getValue());
            }
            j.close("}");
        }
        j.close("}");
    }

    /** A minimal JSON writer: commas between members, strings escaped as RFC 8259 requires. */
    private static final class Json {
        private final StringBuilder out;
        private boolean first = true;

        Json(int capacity) {
            out = new StringBuilder(capacity);
        }

        Json open(String bracket) {
            out.append(bracket);
            first = true;
            return this;
        }

        Json close(String bracket) {
            out.append(bracket);
            first = false;
            return this;
        }

        Json name(String name) {
            comma();
            string(name); // names are constants without escapes: string() copies them whole
            out.append(':');
            first = true; // the value follows without a comma
            return this;
        }

        Json field(String name, String value) {
            name(name);
            if (value == null) {
                out.append("null");
            } else {
                string(value);
            }
            first = false;
            return this;
        }

        Json number(String name, long value) {
            name(name);
            out.append(value);
            first = false;
            return this;
        }

        private void comma() {
            if (!first) {
                out.append(',');
            }
        }

        private void string(String s) {
            out.append('"');
            int plain = 0;
            while (plain < s.length() && !needsEscape(s.charAt(plain))) {
                plain++;
            }
            out.append(s, 0, plain); // the usual case: all of it, in one copy
            for (int i = plain; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private static boolean needsEscape(char c) {
            return c < 0x20 || c == '"' || c == '\\';
        }

        byte[] bytes() {
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
