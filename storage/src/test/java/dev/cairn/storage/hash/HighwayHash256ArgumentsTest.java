package dev.cairn.storage.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Argument contracts: bad keys and ranges fail loudly instead of hashing the wrong bytes. */
class HighwayHash256ArgumentsTest {

    private static final long[] KEY = HighwayHash256.BITROT_KEY;

    @Test
    void rejectsKeysThatAreNotFourWords() {
        assertThrows(IllegalArgumentException.class, () -> new HighwayHash256(new long[3]));
        assertThrows(IllegalArgumentException.class, () -> HighwayHash256.hash(new long[5], new byte[1], 0, 1));
    }

    @Test
    void rejectsRangesOutsideTheArrays() {
        assertThrows(IndexOutOfBoundsException.class, () -> HighwayHash256.hash(KEY, new byte[10], 5, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> HighwayHash256.hash(KEY, new byte[10], -1, 2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> HighwayHash256.hash(KEY, ByteBuffer.allocate(4), new byte[40], 9));
        var h = new HighwayHash256(KEY);
        assertThrows(IndexOutOfBoundsException.class, () -> h.update(new byte[4], 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> h.finish(new byte[31], 0));
    }

    @Test
    void keyIsCopiedByTheStreamingForm() {
        long[] key = KEY.clone();
        var h = new HighwayHash256(key);
        key[0] ^= 1;
        byte[] out = new byte[32];
        h.update(new byte[100], 0, 100);
        h.finish(out, 0);
        assertEquals(ByteBuffer.wrap(HighwayHash256.hash(KEY, new byte[100], 0, 100)), ByteBuffer.wrap(out));
    }

    @Test
    void bestEngineIsAvailable() {
        assertEquals(true, HighwayImpl.best().isAvailable());
        assertEquals(true, HighwayImpl.VECTOR.isAvailable(), "the build runs tests with jdk.incubator.vector");
    }
}
