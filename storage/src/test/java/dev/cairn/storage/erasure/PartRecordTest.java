package dev.cairn.storage.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.storage.meta.MetaFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** part.N.meta: version 2 carries the part's checksum; version 1 records (no checksum) are still read. */
class PartRecordTest {

    @Test
    void roundTripsWithAndWithoutAChecksum() {
        PartRecord with = new PartRecord(3, 5_242_880, "0cc175b9c0f1b6a831c399e269772661", 42L, "SHA256:abc=");
        assertEquals(with, PartRecord.decode(with.encode()));
        PartRecord without = new PartRecord(1, 0, "d41d8cd98f00b204e9800998ecf8427e", 7L, null);
        assertEquals(without, PartRecord.decode(without.encode()));
    }

    @Test
    void readsVersionOneRecords() {
        PartRecord old = PartRecord.decode("1\n2\n10\netag\n99\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(new PartRecord(2, 10, "etag", 99, null), old);
        assertNull(old.checksum());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"3\n1\n1\ne\n1\n\n", "2\n1\n1\ne\n", "2\nx\n1\ne\n1\n\n"})
    void refusesWhatIsNotARecord(String text) {
        assertThrows(MetaFormatException.class, () -> PartRecord.decode(text.getBytes(StandardCharsets.UTF_8)));
    }
}
