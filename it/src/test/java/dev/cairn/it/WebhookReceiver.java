package dev.cairn.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on loopback that keeps every event record POSTed to it, and can refuse (503) a number of
 * requests first, as a receiver that is down would.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> records = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final AtomicInteger refuse = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refused.incrementAndGet();
                ex.sendResponseHeaders(503, -1);
            } else {
                synchronized (records) {
                    for (JsonNode r : JSON.readTree(body).path("Records")) {
                        records.add(r);
                    }
                    authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
                    records.notifyAll();
                }
                ex.sendResponseHeaders(200, -1);
            }
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** The next {@code n} requests are answered 503. */
    void refuseNext(int n) {
        refuse.set(n);
    }

    int refused() {
        return refused.get();
    }

    /** Waits until at least {@code n} records arrived; returns all so far. */
    List<JsonNode> await(int n, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        synchronized (records) {
            while (records.size() < n && System.nanoTime() < deadline) {
                records.wait(100);
            }
            return List.copyOf(records);
        }
    }

    List<String> authorizations() {
        synchronized (records) {
            return List.copyOf(authorizations);
        }
    }

    void clear() {
        synchronized (records) {
            records.clear();
            authorizations.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
