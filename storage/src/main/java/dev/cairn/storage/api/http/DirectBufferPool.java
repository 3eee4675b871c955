package dev.cairn.storage.api.http;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers of one size, reused across responses: a response body chunk is read into one and handed to
 * Netty as is, which writes direct memory to the socket without first copying it. Thread-safe: buffers are taken
 * on the handler's thread and given back on the event loop once their write is done.
 *
 * <p>At most {@code max} direct buffers ever exist, and every one given back is kept. Past that budget
 * {@link #take} hands out heap buffers (which Netty copies, as it did before this pool): the alternative,
 * allocating more direct buffers and dropping the extras when they come back, left them to be freed by a GC, and
 * GETs allocate so little heap that GCs are rare, so the dropped buffers piled up to the direct memory limit,
 * where every allocation forced a full GC (seen under load: a tenth of the throughput at twenty times the CPU).
 * A Netty pooled allocator instead cost about a quarter more CPU per 1 MiB GET, creating and freeing its chunks.
 */
final class DirectBufferPool {
    private final int bufferSize;
    private final int max;
    private final ArrayBlockingQueue<ByteBuffer> free;
    private final AtomicInteger allocated = new AtomicInteger();

    DirectBufferPool(int bufferSize, int max) {
        this.bufferSize = bufferSize;
        this.max = max;
        this.free = new ArrayBlockingQueue<>(max);
    }

    /** A cleared buffer of {@code bufferSize} bytes, the caller's until it gives it back: direct within budget. */
    ByteBuffer take() {
        ByteBuffer b = free.poll();
        if (b != null) {
            return b.clear();
        }
        if (allocated.incrementAndGet() <= max) {
            return ByteBuffer.allocateDirect(bufferSize);
        }
        allocated.decrementAndGet();
        return ByteBuffer.allocate(bufferSize);
    }

    /** Returns {@code b} for reuse (a heap buffer from past the budget is left to the GC); nothing may touch it. */
    void give(ByteBuffer b) {
        if (b.isDirect()) {
            free.offer(b);
        }
    }

    int idle() {
        return free.size();
    }

    /** Direct buffers allocated so far; never more than {@code max}. */
    int allocated() {
        return allocated.get();
    }
}
