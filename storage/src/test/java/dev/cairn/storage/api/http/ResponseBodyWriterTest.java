package dev.cairn.storage.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Response bodies through a real Vert.x server: the pooled direct-buffer path and the heap path. */
class ResponseBodyWriterTest {

    Vertx vertx;
    HttpServer server;
    volatile Consumer<HttpServerResponse> body;
    final CompletableFuture<Throwable> handlerOutcome = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> Thread.ofVirtual().start(() -> {
            try {
                body.accept(req.response());
                handlerOutcome.complete(null);
            } catch (Throwable t) {
                handlerOutcome.complete(t);
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A channel over {@code data} that returns at most {@code stride} bytes per read, as a part reader does. */
    static ReadableByteChannel chunked(byte[] data, int stride) {
        return new ReadableByteChannel() {
            int pos;

            @Override
            public int read(ByteBuffer dst) {
                if (pos == data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(stride, dst.remaining()), data.length - pos);
                dst.put(data, pos, n);
                pos += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    private byte[] get() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.actualPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            return r.body();
        }
    }

    @Test
    void directChunksArriveInOrderAndEveryBufferReturnsToThePool() throws Exception {
        byte[] data = new byte[30 * (1 << 20) + 12345];
        new Random(5).nextBytes(data);
        DirectBufferPool pool = new DirectBufferPool(1 << 20, 8);
        body = response -> {
            response.putHeader("Content-Length", Integer.toString(data.length));
            try {
                ResponseBodyWriter.copyDirectAndEnd(chunked(data, 1 << 20), data.length, response, pool);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        };
        assertArrayEquals(data, get());
        assertEquals(null, handlerOutcome.get(10, TimeUnit.SECONDS));
        assertEquals(2, pool.allocated(), "one buffer on its way to the socket, one being read: reused after that");
        // the end is not awaited by the writer: the last buffer comes back when its write completes
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.idle() < pool.allocated() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(pool.allocated(), pool.idle(), "every buffer is back once the response has been written");
    }

    @Test
    void aSmallBodyOrAPlainStreamGoesTheHeapWay() throws Exception {
        byte[] data = new byte[5000];
        new Random(6).nextBytes(data);
        body = response -> {
            response.putHeader("Content-Length", Integer.toString(data.length));
            try {
                ResponseBodyWriter.copyAndEnd(new ByteArrayInputStream(data), data.length, response);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        };
        assertArrayEquals(data, get());
        assertEquals(null, handlerOutcome.get(10, TimeUnit.SECONDS));
    }
}
