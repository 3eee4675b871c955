package dev.cairn.storage.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.notifications.NotificationService;
import dev.cairn.storage.node.Node;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * {@code /cairn/health/live} (the process answers), {@code /cairn/health/ready} (every set has write quorum)
 * {@code /cairn/admin/status} (layout, drives, healing) and {@code /cairn/admin/notify/targets} (notification
 * targets and their queues); the admin routes take the root credentials by HTTP Basic until the admin API takes
 * SigV4.
 */
@ApplicationScoped
public class HealthRoutes {

    @Inject
    NodeLifecycle lifecycle;

    @Inject
    ObjectMapper json;

    void routes(@Observes Router router) {
        router.get("/cairn/health/live").handler(ctx -> reply(ctx, 200, "{\"status\":\"live\"}"));
        router.get("/cairn/health/ready").handler(this::ready);
        router.get("/cairn/admin/status").blockingHandler(this::status);
        router.get("/cairn/admin/notify/targets").blockingHandler(this::targets);
    }

    private void ready(RoutingContext ctx) {
        Node node = lifecycle.node();
        if (node == null) {
            reply(ctx, 503, "{\"status\":\"starting\"}");
        } else if (!node.writable()) {
            reply(ctx, 503, "{\"status\":\"no write quorum\"}");
        } else {
            reply(ctx, 200, "{\"status\":\"ready\"}");
        }
    }

    private void status(RoutingContext ctx) {
        Node node = lifecycle.node();
        if (admitted(ctx, node != null)) {
            replyJson(ctx, node.status());
        }
    }

    /**
     * The notification targets with their ARNs (what bucket configurations name), settings without secrets, and
     * counters: queued, pending, sent, dropped, failures, the last error.
     */
    private void targets(RoutingContext ctx) {
        if (admitted(ctx, lifecycle.node() != null)) {
            NotificationService ns = lifecycle.notifications();
            replyJson(ctx, java.util.Map.of("targets", ns == null ? java.util.List.of() : ns.status()));
        }
    }

    /** Whether the node is up and the caller has the root credentials; answers the request when not. */
    private boolean admitted(RoutingContext ctx, boolean started) {
        if (!started) {
            reply(ctx, 503, "{\"status\":\"starting\"}");
            return false;
        }
        if (!authorized(ctx.request().getHeader("Authorization"))) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"cairn\"");
            reply(ctx, 401, "{\"error\":\"root credentials required\"}");
            return false;
        }
        return true;
    }

    private void replyJson(RoutingContext ctx, Object value) {
        try {
            reply(ctx, 200, json.writeValueAsString(value));
        } catch (Exception e) {
            reply(ctx, 500, "{\"error\":\"serializing the answer failed\"}");
        }
    }

    private boolean authorized(String header) {
        RootCredentials creds = lifecycle.credentials();
        if (header == null || !header.startsWith("Basic ") || creds == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (creds.accessKey() + ":" + creds.secretKey()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }

    private static void reply(RoutingContext ctx, int status, String body) {
        HttpServerResponse r = ctx.response().setStatusCode(status);
        r.putHeader("Content-Type", "application/json");
        r.end(body);
    }
}
