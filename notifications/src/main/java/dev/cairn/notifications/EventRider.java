package dev.cairn.notifications;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an event's commit carries in its meta-journal records on every drive: the event itself, compactly, its
 * sequencer, and its place in each queue that takes it (queue name, index, the rule's id), so that a crash before
 * the queues synced loses nothing; the queue records (S3 event JSON) are rendered again from it at the restart.
 * Compact because it is written once per drive per commit: a third of the bytes of the JSON it stands for.
 *
 * <p>Format (big-endian, strings as {@link DataOutputStream#writeUTF}, {@code ?} = a presence byte first):
 * {@code u8 version (2) | UTF eventName | i64 epochSecond | i32 nano | UTF bucket | UTF? owner | UTF key | i64 size
 * (-1: none) | UTF? eTag | UTF? versionId | UTF? contentType | u16 n, n x (UTF name | UTF value) | UTF? principal |
 * UTF? sourceIp | UTF? requestId | UTF? hostId | UTF sequencer | u16 count | count x (UTF queue | i64 index | UTF
 * ruleId)}.
 */
final class EventRider {
    private static final int VERSION = 2;

    /** The event's place in one queue, and the id of the rule that put it there ({@code configurationId}). */
    record Place(String queue, long index, String ruleId) {
    }

    /** A rider read back. */
    record Carried(ObjectEvent event, String sequencer, List<Place> places) {
    }

    private EventRider() {
    }

    static byte[] encode(ObjectEvent e, String sequencer, List<Place> places) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(e.name().name());
            out.writeLong(e.time().getEpochSecond());
            out.writeInt(e.time().getNano());
            out.writeUTF(e.bucket().name());
            optional(out, e.bucket().ownerId());
            ObjectEvent.ObjectVersion o = e.object();
            out.writeUTF(o.key());
            out.writeLong(o.size() == null ? -1 : o.size());
            optional(out, o.etag());
            optional(out, o.versionId());
            optional(out, o.contentType());
            out.writeShort(o.userMetadata().size());
            for (Map.Entry<String, String> m : new TreeMap<>(o.userMetadata()).entrySet()) {
                out.writeUTF(m.getKey());
                out.writeUTF(m.getValue());
            }
            ObjectEvent.Caller c = e.caller();
            optional(out, c.principalId());
            optional(out, c.sourceIp());
            optional(out, c.requestId());
            optional(out, c.hostId());
            out.writeUTF(sequencer);
            out.writeShort(places.size());
            for (Place p : places) {
                out.writeUTF(p.queue());
                out.writeLong(p.index());
                out.writeUTF(p.ruleId());
            }
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** The event and places in {@code rider}; throws {@link IOException} for bytes that are not a rider we read. */
    static Carried decode(byte[] rider) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(rider));
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("an event rider of version " + version);
        }
        try {
            EventName name = EventName.valueOf(in.readUTF());
            Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
            ObjectEvent.Bucket bucket = new ObjectEvent.Bucket(in.readUTF(), optional(in));
            String key = in.readUTF();
            long size = in.readLong();
            String etag = optional(in);
            String versionId = optional(in);
            String contentType = optional(in);
            Map<String, String> metadata = new TreeMap<>();
            for (int n = in.readUnsignedShort(); n > 0; n--) {
                metadata.put(in.readUTF(), in.readUTF());
            }
            ObjectEvent.Caller caller = new ObjectEvent.Caller(optional(in), optional(in), optional(in), optional(in));
            ObjectEvent event = new ObjectEvent(name, time, bucket, new ObjectEvent.ObjectVersion(key,
                    size < 0 ? null : size, etag, versionId, contentType, metadata), caller);
            String sequencer = in.readUTF();
            int count = in.readUnsignedShort();
            List<Place> places = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                places.add(new Place(in.readUTF(), in.readLong(), in.readUTF()));
            }
            return new Carried(event, sequencer, places);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IOException("a damaged event rider: " + e.getMessage(), e);
        }
    }

    private static void optional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
