package dev.cairn.notifications.targets;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.notifications.queue.QueuedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real HTTP server on loopback. */
class WebhookTargetTest {
    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> auth = new CopyOnWriteArrayList<>();
    final AtomicInteger failFrom = new AtomicInteger(Integer.MAX_VALUE);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = bodies.size() >= failFrom.get();
            if (!fail) {
                bodies.add(body);
                auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            }
            ex.sendResponseHeaders(fail ? 503 : 200, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    WebhookTarget target(String token) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        return new WebhookTarget(new WebhookSettings(new Arn("h", "webhook"), uri, token, 10));
    }

    static List<QueuedEvent> events(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> new QueuedEvent(i, "b/k" + i,
                ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8))).toList();
    }

    @Test
    void postsEachEventInOrderWithTheBearerToken() throws Exception {
        try (WebhookTarget t = target("tok")) {
            t.send(events(3));
            assertTrue(t.isOnline());
        }
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), bodies);
        assertEquals(List.of("Bearer tok", "Bearer tok", "Bearer tok"), auth);
    }

    @Test
    void aFailingAnswerReportsHowManyArrived() {
        failFrom.set(2);
        try (WebhookTarget t = target(null)) {
            DeliveryException e = assertThrows(DeliveryException.class, () -> t.send(events(4)));
            assertEquals(2, e.delivered());
            assertTrue(e.getMessage().contains("503"), e.getMessage());
            assertFalse(t.isOnline());
        }
        assertEquals(List.of("null", "null"), auth);
    }

    @Test
    void anUnreachableEndpointIsADeliveryFailure() {
        server.stop(0);
        try (WebhookTarget t = target(null)) {
            DeliveryException e = assertThrows(DeliveryException.class, () -> t.send(events(1)));
            assertEquals(0, e.delivered());
        }
    }
}
