package dev.cairn.storage.api;

import dev.cairn.storage.api.xml.CorsConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bucket CORS: the configuration (Put/Get/DeleteBucketCors), preflight {@code OPTIONS} requests, and the
 * {@code Access-Control-*} headers on actual requests that carry an {@code Origin}. The first rule matching the
 * origin, the method and every requested header wins, as S3 evaluates them.
 */
final class CorsHandlers {

    void get(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        CorsConfiguration config = call.settings.cors(call.bucket()).orElseThrow(() -> new S3Exception(
                S3Error.NO_SUCH_CORS_CONFIGURATION, "The CORS configuration does not exist"));
        call.xml(200, config.toXml());
    }

    void put(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.settings.setCors(call.bucket(), CorsConfiguration.parse(call.body()));
        call.empty(200);
    }

    void delete(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.settings.setCors(call.bucket(), null);
        call.empty(204);
    }

    /** OPTIONS: allowed only when a rule matches; never authenticated (browsers send no credentials here). */
    void preflight(S3Call call) {
        String origin = call.request().header("Origin");
        String method = call.request().header("Access-Control-Request-Method");
        if (origin == null || method == null) {
            throw new S3Exception(S3Error.BAD_REQUEST_CORS, "Insufficient information. Origin request header needed.");
        }
        List<String> headers = new ArrayList<>();
        String requested = call.request().header("Access-Control-Request-Headers");
        if (requested != null) {
            for (String h : requested.split(",")) {
                if (!h.isBlank()) {
                    headers.add(h.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        Optional<CorsConfiguration> config = call.settings.cors(call.bucket());
        CorsConfiguration.Rule rule = config.flatMap(c -> match(c, origin, method, headers)).orElseThrow(() ->
                new S3Exception(S3Error.ACCESS_FORBIDDEN, config.isEmpty()
                        ? "CORSResponse: CORS is not enabled for this bucket."
                        : S3Error.ACCESS_FORBIDDEN.defaultMessage()));
        allow(call::header, rule, origin);
        if (!headers.isEmpty()) {
            call.header("Access-Control-Allow-Headers", String.join(", ", headers));
        }
        call.empty(200);
    }

    /**
     * Adds the CORS headers of the rule matching an actual (non-preflight) request to its response through
     * {@code header}: on success and on errors alike, so that a browser script can read why its request failed.
     * The rule is matched on the request's method, or on {@code Access-Control-Request-Method} when a client sends
     * that with an actual request (as RGW does; browsers send it only on preflights).
     */
    static void decorate(BucketSettings settings, dev.cairn.storage.api.http.S3Request request,
                         java.util.function.BiConsumer<String, String> header) {
        String origin = request.header("Origin");
        if (origin == null || request.bucket() == null) {
            return;
        }
        String asked = request.header("Access-Control-Request-Method");
        String method = asked != null ? asked : request.method();
        try {
            settings.cors(request.bucket()).flatMap(c -> match(c, origin, method, List.of()))
                    .ifPresent(rule -> allow(header, rule, origin));
        } catch (RuntimeException e) {
            // a missing bucket or unreadable config: the request itself reports what is wrong
        }
    }

    private static void allow(java.util.function.BiConsumer<String, String> header, CorsConfiguration.Rule rule,
                              String origin) {
        boolean any = rule.allowedOrigins().contains("*");
        header.accept("Access-Control-Allow-Origin", any ? "*" : origin);
        header.accept("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        header.accept("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        if (!any) {
            header.accept("Access-Control-Allow-Credentials", "true");
        }
        if (!rule.exposeHeaders().isEmpty()) {
            header.accept("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (rule.maxAgeSeconds() != null) {
            header.accept("Access-Control-Max-Age", rule.maxAgeSeconds().toString());
        }
    }

    static Optional<CorsConfiguration.Rule> match(CorsConfiguration config, String origin, String method,
                                                  List<String> headers) {
        for (CorsConfiguration.Rule rule : config.rules()) {
            if (rule.allowedMethods().contains(method)
                    && rule.allowedOrigins().stream().anyMatch(o -> wildcard(o, origin))
                    && headers.stream().allMatch(h -> rule.allowedHeaders().stream()
                    .anyMatch(a -> wildcard(a.toLowerCase(Locale.ROOT), h)))) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** S3's CORS patterns: one optional {@code *} standing for any run of characters. */
    static boolean wildcard(String pattern, String value) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(value);
        }
        String head = pattern.substring(0, star);
        String tail = pattern.substring(star + 1);
        return value.length() >= head.length() + tail.length() && value.startsWith(head) && value.endsWith(tail);
    }
}
