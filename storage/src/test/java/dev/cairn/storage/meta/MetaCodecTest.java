package dev.cairn.storage.meta;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetaCodecTest {

    static ObjectVersion object(UUID id, long mtime, boolean inline) {
        TreeMap<String, String> meta = new TreeMap<>();
        meta.put("content-type", "text/plain");
        meta.put("x-amz-meta-ünïcode", "välue");
        meta.put("etag", "d41d8cd98f00b204e9800998ecf8427e");
        return new ObjectVersion(id, VersionType.OBJECT, mtime, inline ? null : UUID.randomUUID(), 12345,
                new ErasureInfo(4, 2, 1 << 20, 3, new int[] {3, 4, 5, 6, 1, 2}),
                List.of(new PartInfo(1, 5 << 20, 5 << 20, "abc"), new PartInfo(2, 7, 7, "def")), meta,
                inline ? new byte[] {1, 2, 3} : null);
    }

    @Test
    void roundTripsEveryField() {
        ObjectMeta meta = new ObjectMeta(List.of(
                object(UUID.randomUUID(), 100, false),
                object(ObjectVersion.NULL_VERSION, 300, true),
                ObjectVersion.deleteMarker(UUID.randomUUID(), 200, java.util.Map.of())));
        ObjectMeta back = MetaCodec.decode(MetaCodec.encode(meta));
        assertEquals(meta, back);
        assertEquals(300, back.versions().get(0).modTime(), "newest first");
        assertTrue(back.versions().get(1).isDeleteMarker());
        assertArrayEquals(new byte[] {1, 2, 3}, back.versions().get(0).inlineData());
    }

    @Test
    void emptyMetaRoundTrips() {
        assertTrue(MetaCodec.decode(MetaCodec.encode(ObjectMeta.EMPTY)).isEmpty());
    }

    @Test
    void everyFlippedByteIsDetected() {
        byte[] good = MetaCodec.encode(new ObjectMeta(List.of(object(UUID.randomUUID(), 1, true))));
        for (int i = 0; i < good.length; i++) {
            if (i == 5) {
                continue; // the minor version: any minor of our major is readable by design
            }
            byte[] bad = good.clone();
            bad[i] ^= 0x40;
            int at = i;
            assertThrows(MetaFormatException.class, () -> MetaCodec.decode(bad), "flip at " + at);
        }
    }

    @Test
    void truncationIsDetected() {
        byte[] good = MetaCodec.encode(new ObjectMeta(List.of(object(UUID.randomUUID(), 1, false))));
        for (int len = 0; len < good.length; len++) {
            byte[] bad = java.util.Arrays.copyOf(good, len);
            assertThrows(MetaFormatException.class, () -> MetaCodec.decode(bad), "length " + len);
        }
    }

    @Test
    void newerMajorIsRefusedNewerMinorIsRead() {
        byte[] good = MetaCodec.encode(new ObjectMeta(List.of(object(UUID.randomUUID(), 1, false))));
        byte[] newerMajor = good.clone();
        newerMajor[4] = (byte) (MetaCodec.MAJOR + 1);
        var e = assertThrows(MetaFormatException.class, () -> MetaCodec.decode(newerMajor));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        byte[] newerMinor = good.clone();
        newerMinor[5] = (byte) (MetaCodec.MINOR + 1);
        assertEquals(1, MetaCodec.decode(newerMinor).versions().size());
    }

    @Test
    void putReplacesSameVersionIdAndKeepsOthers() {
        UUID a = UUID.randomUUID();
        ObjectMeta m = ObjectMeta.EMPTY.put(object(a, 1, true)).put(object(ObjectVersion.NULL_VERSION, 2, true))
                .put(object(ObjectVersion.NULL_VERSION, 3, true));
        assertEquals(2, m.versions().size());
        assertEquals(3, m.latest().orElseThrow().modTime());
        assertEquals(1, m.remove(ObjectVersion.NULL_VERSION).versions().size());
    }
}
