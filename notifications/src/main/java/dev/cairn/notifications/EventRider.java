package dev.cairn.notifications;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an event's commit carries in its meta-journal records: the event's place in each queue that takes it
 * (queue name, index) and the queue record itself, so that a crash before the queues synced loses nothing.
 * Format: {@code u8 version (1) | u16 count | count x (UTF queue | i64 index | i32 length | payload)}.
 */
final class EventRider {
    private static final int VERSION = 1;

    /** One event's place in one queue. */
    record Place(String queue, long index, byte[] payload) {
    }

    private EventRider() {
    }

    static byte[] encode(List<Place> places) {
        try {
            int size = 3;
            for (Place p : places) {
                size += 2 + p.queue().length() * 3 + 12 + p.payload().length;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeShort(places.size());
            for (Place p : places) {
                out.writeUTF(p.queue());
                out.writeLong(p.index());
                out.writeInt(p.payload().length);
                out.write(p.payload());
            }
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** The places in {@code rider}; throws {@link IOException} for bytes that are not a rider this node wrote. */
    static List<Place> decode(byte[] rider) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(rider));
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("an event rider of version " + version);
        }
        int count = in.readUnsignedShort();
        List<Place> places = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String queue = in.readUTF();
            long index = in.readLong();
            int length = in.readInt();
            if (length <= 0 || length > in.available()) {
                throw new IOException("an event rider cut short");
            }
            places.add(new Place(queue, index, in.readNBytes(length)));
        }
        return places;
    }
}
