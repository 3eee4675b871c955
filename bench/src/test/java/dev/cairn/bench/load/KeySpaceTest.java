package dev.cairn.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeySpaceTest {

    @Test
    void readsOnlyClaimWrittenKeysThatAreNotInFlight() {
        KeySpace keys = new KeySpace("load/", 4);
        SplittableRandom random = new SplittableRandom(4);
        assertEquals(-1, keys.claimWritten(random));
        assertTrue(keys.claim(2));
        assertFalse(keys.claim(2));
        keys.release(2, 100);
        assertEquals(100, keys.sizeOf(2));
        assertEquals(2, keys.claimWritten(random));
        assertEquals(-1, keys.claimWritten(random)); // the only written key is in flight
        keys.release(2, -1); // deleted
        assertEquals(0, keys.writtenCount());
        assertEquals(-1, keys.claimWritten(random));
        assertEquals("load/3", keys.name(3));
    }
}
