package dev.cairn.notifications.queue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a target receives for one event: the record key ({@code bucket/key}: Kafka's partitioning key) and the
 * record itself (the S3 event JSON). Journal payload: {@code keyLength i32 | key UTF-8 | value}.
 *
 * @param index the journal index, acknowledged once the target has the event
 */
public record QueuedEvent(long index, String key, byte[] value) {

    public static byte[] encode(String key, byte[] value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + k.length + value.length).putInt(k.length).put(k).put(value).array();
    }

    public static QueuedEvent decode(JournalEntry e) {
        ByteBuffer b = ByteBuffer.wrap(e.payload());
        int keyLength = b.getInt();
        String key = new String(e.payload(), 4, keyLength, StandardCharsets.UTF_8);
        byte[] value = new byte[e.payload().length - 4 - keyLength];
        b.position(4 + keyLength).get(value);
        return new QueuedEvent(e.index(), key, value);
    }
}
