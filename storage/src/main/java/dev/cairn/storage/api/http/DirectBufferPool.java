package dev.cairn.storage.api.http;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers of one size, reused across responses: a response body chunk is read into one and handed to
 * Netty as is, which writes direct memory to the socket without first copying it. Allocating a direct buffer per
 * chunk instead would cost more than the copy it saves. Thread-safe: buffers are taken on the handler's thread
 * and given back on the event loop once their write is done.
 *
 * <p>A buffer that is never given back (a write whose outcome never arrives) is simply garbage: the pool keeps
 * no list of what it lent, and the JVM frees an unreachable direct buffer itself.
 */
final class DirectBufferPool {
    private final int bufferSize;
    private final ArrayBlockingQueue<ByteBuffer> free;
    private final AtomicInteger allocated = new AtomicInteger();

    /** At most {@code keep} idle buffers of {@code bufferSize} bytes are kept; more are left to the GC. */
    DirectBufferPool(int bufferSize, int keep) {
        this.bufferSize = bufferSize;
        this.free = new ArrayBlockingQueue<>(keep);
    }

    /** A cleared buffer of {@code bufferSize} bytes, the caller's until it gives it back. */
    ByteBuffer take() {
        ByteBuffer b = free.poll();
        if (b != null) {
            return b.clear();
        }
        allocated.incrementAndGet();
        return ByteBuffer.allocateDirect(bufferSize);
    }

    /** Returns {@code b} for reuse; nothing may touch it afterwards. */
    void give(ByteBuffer b) {
        if (b.isDirect() && b.capacity() == bufferSize) {
            free.offer(b);
        }
    }

    int idle() {
        return free.size();
    }

    /** Buffers allocated so far, kept or not. */
    int allocated() {
        return allocated.get();
    }
}
