package dev.cairn.storage.api.http;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectBufferPoolTest {

    @Test
    void pastItsBudgetThePoolLendsHeapBuffersAndKeepsEveryDirectOneGivenBack() {
        DirectBufferPool pool = new DirectBufferPool(64, 3);
        List<ByteBuffer> lent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lent.add(pool.take());
        }
        assertTrue(lent.stream().allMatch(ByteBuffer::isDirect));
        ByteBuffer overBudget = pool.take();
        assertFalse(overBudget.isDirect(), "a fourth direct buffer would exceed the budget");
        assertEquals(64, overBudget.capacity());
        pool.give(overBudget);
        assertEquals(0, pool.idle(), "heap buffers are not kept");
        lent.forEach(pool::give);
        assertEquals(3, pool.idle(), "every direct buffer given back is kept");
        ByteBuffer again = pool.take();
        assertTrue(again.isDirect());
        assertSame(lent.get(0), again, "reused, not reallocated");
        assertEquals(3, pool.allocated());
    }

    @Test
    void aReusedBufferComesBackCleared() {
        DirectBufferPool pool = new DirectBufferPool(16, 1);
        ByteBuffer b = pool.take();
        b.put(new byte[5]).flip();
        pool.give(b);
        ByteBuffer again = pool.take();
        assertEquals(0, again.position());
        assertEquals(16, again.limit());
    }
}
