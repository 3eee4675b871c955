package dev.cairn.storage.api.http;

import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Copies a stream into a response from a handler's virtual thread, waiting whenever Vert.x's write queue is
 * full, so a slow client holds back the read instead of filling memory. A large body from a stream that is also a
 * channel (an object read) is read into pooled direct buffers that Netty writes to the socket as they are.
 */
public final class ResponseBodyWriter {

    /** The client went away while its response was being written: nothing to answer any more. */
    public static final class ClientGoneException extends IOException {
        ClientGoneException(String message, Throwable cause) {
            super(message, cause);
        }
    }
    static final int CHUNK = 256 * 1024;
    /**
     * Room for one erasure block (1 MiB) and the padding of its last shard (under 16 bytes), so a block arrives in
     * one read without a copy.
     */
    static final int DIRECT_CHUNK = (1 << 20) + 4096;
    /** Below this a body goes the heap way: a whole pooled direct chunk would be held for a few bytes. */
    static final long DIRECT_MIN_LENGTH = 256 * 1024;
    /**
     * Two or three chunks in flight (the last one's write may still be finishing as the next request starts) for
     * each of some 40 concurrent large GETs; past that, chunks are heap buffers that Netty copies.
     */
    private static final DirectBufferPool POOL = new DirectBufferPool(DIRECT_CHUNK, 128);

    private ResponseBodyWriter() {
    }

    /**
     * Writes all of {@code in} ({@code length} bytes expected, which sizes the copy buffer) and ends the response.
     * Fails if the client went away while the body was being read. The end itself is not awaited: once it is
     * queued the stream is no longer needed, and a client that leaves during the last write has no one to be told
     * (waiting would only park and wake this thread once more per request).
     */
    public static void copyAndEnd(InputStream in, long length, HttpServerResponse response) throws IOException {
        if (in instanceof ReadableByteChannel ch && length >= DIRECT_MIN_LENGTH) {
            copyDirectAndEnd(ch, length, response, POOL);
            return;
        }
        byte[] buf = new byte[(int) Math.max(1, Math.min(CHUNK, length))];
        CompletableFuture<Void> failed = new CompletableFuture<>();
        for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; ) {
            if (response.closed() || failed.isDone()) {
                throw new ClientGoneException("client closed the connection", null);
            }
            // not awaited one by one (that would cost a round trip per chunk): the write queue bounds memory
            response.write(Buffer.buffer(n).appendBytes(buf, 0, n)).onFailure(failed::completeExceptionally);
            awaitDrain(response);
        }
        response.end();
    }

    /**
     * The channel form of {@link #copyAndEnd}: one read per chunk into a buffer of {@code pool}, handed to Vert.x
     * without a copy (a heap buffer, lent past the pool's budget, is copied by Netty) and given back to the pool
     * when its write is done (whatever the outcome: after that Netty holds no reference to it). Each chunk waits
     * for the write of the one before it, so a response holds at most two buffers: one going to the socket while
     * the next is read. (Vert.x's write queue cannot bound this: a write from outside the event loop reaches the
     * channel only later, so the queue looks empty right after it.) The last chunk goes with the end of the
     * response, saving a hop to the event loop.
     */
    static void copyDirectAndEnd(ReadableByteChannel in, long length, HttpServerResponse response,
                                 DirectBufferPool pool) throws IOException {
        long left = length;
        Future<Void> previous = null;
        while (left > 0) {
            ByteBuffer buf = pool.take();
            int n;
            try {
                n = in.read(buf);
                if (previous != null) {
                    await(previous.toCompletionStage().toCompletableFuture());
                }
            } catch (IOException | RuntimeException e) {
                pool.give(buf);
                throw e;
            }
            if (n <= 0) {
                pool.give(buf);
                break;
            }
            if (response.closed()) {
                pool.give(buf);
                throw new ClientGoneException("client closed the connection", null);
            }
            left -= n;
            // wrapped, not copied; Vert.x hands Netty an unreleasable view, so the pool stays the owner
            Buffer chunk = Buffer.buffer(Unpooled.wrappedBuffer(buf.flip()));
            previous = left > 0 ? response.write(chunk) : response.end(chunk);
            previous.onComplete(r -> pool.give(buf));
        }
        if (previous == null || left > 0) {
            response.end();
        }
    }

    private static void awaitDrain(HttpServerResponse response) throws IOException {
        if (response.writeQueueFull()) {
            CompletableFuture<Void> drained = new CompletableFuture<>();
            response.drainHandler(v -> drained.complete(null));
            if (response.writeQueueFull()) {
                await(drained);
            }
        }
    }

    private static void await(CompletableFuture<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the response", e);
        } catch (ExecutionException e) {
            throw new ClientGoneException("writing the response failed: " + e.getCause(), e.getCause());
        }
    }
}
