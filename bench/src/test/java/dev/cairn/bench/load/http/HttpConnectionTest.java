package dev.cairn.bench.load.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connection against a scripted server on loopback: what goes on the wire, reuse, resending, timeouts. */
class HttpConnectionTest {
    private final TimeoutWatchdog watchdog = new TimeoutWatchdog();
    private final List<String> requests = new ArrayList<>(); // every request the server read, head and body
    private final AtomicInteger accepted = new AtomicInteger();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        watchdog.close();
        if (server != null) {
            server.close();
        }
    }

    /** How the scripted server treats one request on a connection: answer and keep it, answer and close, or hang. */
    private enum Reply { KEEP, CLOSE_SILENTLY, NEVER }

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
        while ((request = readRequest(in)) != null) {
            synchronized (requests) {
                requests.add(request);
            }
            if (reply == Reply.NEVER) {
                continue; // read on, never answer
            }
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (reply == Reply.CLOSE_SILENTLY) {
                break; // as an idle keep-alive connection is closed: no Connection: close was said
            }
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
        String big = "b".repeat(3000); // more than the 1 KiB write buffer: head and body over several writes
        try (HttpConnection c = new HttpConnection(address, 1024, Duration.ofSeconds(10), watchdog)) {
            Text sink = new Text();
            assertEquals(200, c.exchange(put("/a", "small"), sink).status());
            assertEquals("ok", sink.text.toString());
            assertEquals(200, c.exchange(put("/b", big), sink).status());
        }
        assertEquals(List.of("PUT /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nsmall",
                "PUT /b HTTP/1.1\r\nHost: h\r\nContent-Length: 3000\r\n\r\n" + big), requests);
        assertEquals(1, accepted.get());
    }

    @Test
    void aRequestOnAConnectionTheServerClosedIsSentAgainOnANewOne() throws IOException {
        InetSocketAddress address = serve(Reply.CLOSE_SILENTLY, Reply.KEEP);
        try (HttpConnection c = new HttpConnection(address, 1024, Duration.ofSeconds(10), watchdog)) {
            assertEquals(200, c.exchange(put("/1", "x"), new Text()).status());
            assertEquals(200, c.exchange(put("/2", "y"), new Text()).status());
        }
        assertEquals(2, accepted.get());
        assertTrue(requests.getLast().startsWith("PUT /2 "), requests.toString());
    }

    @Test
    void aRequestWithoutAnAnswerTimesOutAndTheNextOneReconnects() throws IOException {
        InetSocketAddress address = serve(Reply.NEVER, Reply.KEEP);
        try (HttpConnection c = new HttpConnection(address, 1024, Duration.ofMillis(300), watchdog)) {
            long t0 = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> c.exchange(put("/slow", "x"), new Text()));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(millis >= 300 && millis < 5_000, millis + " ms");
            assertEquals(200, c.exchange(put("/next", "y"), new Text()).status());
        }
        assertEquals(2, accepted.get());
    }
}
