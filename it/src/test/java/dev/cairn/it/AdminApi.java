package dev.cairn.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** The node's admin endpoints, with the root credentials by HTTP Basic. */
final class AdminApi {
    private AdminApi() {
    }

    static JsonNode get(CairnProcess node, String path, String user, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(node.url(path)))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return new ObjectMapper().readTree(r.body());
        }
    }

    /** The admin listing's entry for one notification target. */
    static JsonNode target(CairnProcess node, String arn, String user, String secret) throws Exception {
        for (JsonNode t : get(node, "/cairn/admin/notify/targets", user, secret).path("targets")) {
            if (t.path("arn").asText().equals(arn)) {
                return t;
            }
        }
        throw new AssertionError("no target " + arn);
    }

    /**
     * Polls one target's entry until {@code until} holds for it or {@code timeout} passes; returns the last entry
     * either way, for the caller to assert on (and show).
     */
    static JsonNode awaitTarget(CairnProcess node, String arn, String user, String secret, Predicate<JsonNode> until,
                                Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode t = target(node, arn, user, secret);
            if (until.test(t) || System.nanoTime() > deadline) {
                return t;
            }
            Thread.sleep(200);
        }
    }
}
