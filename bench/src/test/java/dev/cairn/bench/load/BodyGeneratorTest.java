package dev.cairn.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BodyGeneratorTest {

    @Test
    void sameKeyAndSizeGiveTheSameBytes() {
        byte[] a = BodyGenerator.of("load/7", 10_000).bytes(0, 10_000);
        byte[] b = BodyGenerator.of("load/7", 10_000).bytes(0, 10_000);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, BodyGenerator.of("load/8", 10_000).bytes(0, 10_000)));
        assertFalse(Arrays.equals(a, BodyGenerator.of("load/7", 10_001).bytes(0, 10_000)));
    }

    @Test
    void anyRangeIsTheSliceOfTheWhole() {
        BodyGenerator g = BodyGenerator.of("k", 1000);
        byte[] whole = g.bytes(0, 1000);
        for (int from : new int[] {0, 1, 7, 8, 9, 333}) {
            for (int len : new int[] {0, 1, 5, 8, 17, 600}) {
                assertArrayEquals(Arrays.copyOfRange(whole, from, from + len), g.bytes(from, len), from + "+" + len);
            }
        }
    }

    @Test
    void chunkedFillIntoABufferEqualsOneShot() {
        int size = 3 * 4096 + 1234;
        BodyGenerator g = BodyGenerator.of("load/42", size);
        ByteBuffer out = ByteBuffer.allocateDirect(size + 3).order(ByteOrder.BIG_ENDIAN);
        out.position(3); // unaligned in the buffer as well as in the body
        for (int pos = 0, chunk = 1; pos < size; chunk = chunk * 3 + 1) { // chunks of 1, 4, 13, 40... bytes
            int len = Math.min(chunk, size - pos);
            g.fill(pos, out, len);
            pos += len;
        }
        byte[] filled = new byte[size];
        out.get(3, filled);
        assertArrayEquals(g.bytes(0, size), filled);
        assertEquals(ByteOrder.BIG_ENDIAN, out.order(), "the caller's byte order is left alone");
    }

    @Test
    void verificationFindsTheFirstDifferingByte() {
        BodyGenerator g = BodyGenerator.of("v", 5000);
        byte[] body = g.bytes(0, 5000);
        assertEquals(-1, g.mismatch(0, ByteBuffer.wrap(body)));
        assertEquals(-1, g.mismatch(13, ByteBuffer.wrap(body, 13, 4000).slice()));
        body[2049] ^= 1;
        assertEquals(2049, g.mismatch(0, ByteBuffer.wrap(body)));
        assertEquals(2049, g.mismatch(2045, ByteBuffer.wrap(body, 2045, 100).slice()));
    }
}
