package dev.cairn.storage.api.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Copies a stream into a response from a handler's virtual thread, waiting whenever Vert.x's write queue is
 * full, so a slow client holds back the read instead of filling memory.
 */
public final class ResponseBodyWriter {

    /** The client went away while its response was being written: nothing to answer any more. */
    public static final class ClientGoneException extends IOException {
        ClientGoneException(String message, Throwable cause) {
            super(message, cause);
        }
    }
    static final int CHUNK = 256 * 1024;

    private ResponseBodyWriter() {
    }

    /**
     * Writes all of {@code in} ({@code length} bytes expected, which sizes the copy buffer) and ends the response.
     * Fails if the client went away.
     */
    public static void copyAndEnd(InputStream in, long length, HttpServerResponse response) throws IOException {
        byte[] buf = new byte[(int) Math.max(1, Math.min(CHUNK, length))];
        CompletableFuture<Void> failed = new CompletableFuture<>();
        for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; ) {
            if (response.closed() || failed.isDone()) {
                throw new ClientGoneException("client closed the connection", null);
            }
            // not awaited one by one (that would cost a round trip per chunk): the write queue bounds memory
            response.write(Buffer.buffer(n).appendBytes(buf, 0, n)).onFailure(failed::completeExceptionally);
            if (response.writeQueueFull()) {
                CompletableFuture<Void> drained = new CompletableFuture<>();
                response.drainHandler(v -> drained.complete(null));
                if (response.writeQueueFull()) {
                    await(drained);
                }
            }
        }
        await(response.end().toCompletionStage().toCompletableFuture());
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
