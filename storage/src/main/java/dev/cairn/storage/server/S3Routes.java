package dev.cairn.storage.server;

import dev.cairn.storage.api.S3Service;
import dev.cairn.storage.api.http.RequestBodyStream;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Routes every request not claimed by the health/admin routes to the S3 API. Each request is served on its
 * own virtual thread; the body stays paused on the event loop until the handler reads it.
 */
@ApplicationScoped
public class S3Routes {
    /** After the /cairn/* routes, which are registered with default (lower) orders. */
    static final int ORDER = 10_000;

    @Inject
    NodeLifecycle lifecycle;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    void routes(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        S3Service s3 = lifecycle.s3();
        if (s3 == null) {
            ctx.response().setStatusCode(503).putHeader("Retry-After", "1").end();
            return;
        }
        ctx.request().pause();
        RequestBodyStream body = new RequestBodyStream(ctx.request(), Vertx.currentContext());
        executor.execute(() -> s3.serve(ctx.request(), ctx.response(), body));
    }
}
