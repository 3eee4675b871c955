package dev.cairn.bench.load.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connection against a scripted server on loopback: what goes on the wire, reuse, resending, timeouts. */
class HttpConnectionTest {
    private final EventLoop loop = newLoop();
    private final List<String> requests = new ArrayList<>(); // every request the server read, head and body
    private final AtomicInteger accepted = new AtomicInteger();
    private ServerSocket server;

    private static EventLoop newLoop() {
        try {
            return new EventLoop("test-loop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one exchange on the loop and waits for its end: the response, or the failure thrown. */
    private Response exchange(HttpConnection c, Request request, BodySink sink) throws IOException {
        CompletableFuture<Response> done = new CompletableFuture<>();
        loop.execute(() -> c.exchange(request, sink, (r, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(r);
            }
        }));
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no callback", e);
        }
    }

    @AfterEach
    void stop() throws IOException {
        loop.close();
        if (server != null) {
            server.close();
        }
    }

    /**
     * How the scripted server treats the requests of a connection: answer each; answer the first and close on the
     * second unanswered (a server closing an idle connection just as it is reused); or answer none.
     */
    private enum Reply { KEEP, DROP_SECOND, NEVER }

    /** Serves connections one after the other; connection {@code i} answers its requests as {@code script[i]}. */
    private InetSocketAddress serve(Reply... script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            try {
                for (Reply reply : script) {
                    Socket s = server.accept();
                    accepted.incrementAndGet();
                    handle(s, reply);
                }
            } catch (IOException ignored) {
                // the test is over
            }
        });
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void handle(Socket s, Reply reply) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        String request;
        for (int n = 1; (request = readRequest(in)) != null; n++) {
            synchronized (requests) {
                requests.add(request);
            }
            if (reply == Reply.NEVER) {
                continue; // read on, never answer
            }
            if (reply == Reply.DROP_SECOND && n == 2) {
                break;
            }
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        s.close();
    }

    /** One request: head up to the blank line, then Content-Length body bytes; null at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return h + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    private static final class Text implements BodySink {
        final StringBuilder text = new StringBuilder();

        @Override
        public void start(int status) {
            text.setLength(0);
        }

        @Override
        public void accept(ByteBuffer buf, int from, int length) {
            byte[] b = new byte[length];
            buf.get(from, b);
            text.append(new String(b, StandardCharsets.ISO_8859_1));
        }
    }

    private static Request put(String path, String body) {
        byte[] head = ("PUT " + path + " HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return new Request(head, false, (pos, dst, len) -> dst.put(bytes, (int) pos, len), 0, bytes.length);
    }

    @Test
    void requestsGoOutWholeAndShareOneKeptAliveConnection() throws IOException {
        InetSocketAddress address = serve(Reply.KEEP);
        String big = "b".repeat(3_000_000); // more than the socket takes at once: the rest goes when it is writable
        HttpConnection c = new HttpConnection(loop, address, 1024, Duration.ofSeconds(10));
        Text sink = new Text();
        assertEquals(200, exchange(c, put("/a", "small"), sink).status());
        assertEquals("ok", sink.text.toString());
        assertEquals(200, exchange(c, put("/b", big), sink).status());
        assertEquals(List.of("PUT /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nsmall",
                "PUT /b HTTP/1.1\r\nHost: h\r\nContent-Length: " + big.length() + "\r\n\r\n" + big), requests);
        assertEquals(1, accepted.get());
    }

    @Test
    void aRequestOnAConnectionTheServerClosedIsSentAgainOnANewOne() throws IOException {
        InetSocketAddress address = serve(Reply.DROP_SECOND, Reply.KEEP);
        HttpConnection c = new HttpConnection(loop, address, 1024, Duration.ofSeconds(10));
        assertEquals(200, exchange(c, put("/1", "x"), new Text()).status());
        assertEquals(200, exchange(c, put("/2", "y"), new Text()).status());
        assertEquals(2, accepted.get());
        assertEquals(3, requests.size(), "/2 was sent twice: on the dropped connection, then on a new one");
        assertTrue(requests.getLast().startsWith("PUT /2 "), requests.toString());
    }

    @Test
    void aRequestWithoutAnAnswerTimesOutAndTheNextOneReconnects() throws IOException {
        InetSocketAddress address = serve(Reply.NEVER, Reply.KEEP);
        HttpConnection c = new HttpConnection(loop, address, 1024, Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThrows(SocketTimeoutException.class, () -> exchange(c, put("/slow", "x"), new Text()));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis >= 300 && millis < 5_000, millis + " ms");
        assertEquals(200, exchange(c, put("/next", "y"), new Text()).status());
        assertEquals(2, accepted.get());
    }

    @Test
    void aRefusedConnectIsAFailureOfTheExchange() throws IOException {
        InetSocketAddress nobody;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = new InetSocketAddress(s.getInetAddress(), s.getLocalPort());
        }
        HttpConnection c = new HttpConnection(loop, nobody, 1024, Duration.ofSeconds(10));
        assertThrows(ConnectException.class, () -> exchange(c, put("/x", "x"), new Text()));
    }
}
