package dev.cairn.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
}
