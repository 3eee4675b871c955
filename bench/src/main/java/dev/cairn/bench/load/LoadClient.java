package dev.cairn.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The S3 requests of a load run over one shared {@link HttpClient} (HTTP/1.1, keep-alive pool: one connection per
 * request in flight), path-style, signed with SigV4 and {@code UNSIGNED-PAYLOAD}. Every method returns at once;
 * its future completes with an {@link Outcome} once the whole response body has been consumed, and never
 * exceptionally for an HTTP or S3 error (those are outcomes). Thread-safe.
 */
final class LoadClient implements AutoCloseable {
    static final long MIN_PART = 5L << 20;
    private static final int MAX_PARTS = 10_000;
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]*)</UploadId>");
    private static final SortedMap<String, String> NO_QUERY = new TreeMap<>();

    private final ExecutorService executor;
    private final HttpClient http;
    private final URI endpoint;
    private final String host;
    private final SigV4Signer signer;
    private final String bucket;
    private final Duration timeout;
    private final boolean verify;

    LoadClient(LoadOptions options) {
        // A few fixed threads instead of the client's default cached pool: every response hands off to the
        // executor, and with one thread per request in flight the handoffs cost more CPU than the bytes
        // (measured against wrk: ~1.6 ms vs ~0.95 ms of client CPU per 1 MiB GET). Callbacks here never block.
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors() / 2);
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "load-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.endpoint = options.endpoint();
        // What the JDK client sends as Host, which must be what is signed: the port only when not the default.
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || port == ("https".equals(endpoint.getScheme()) ? 443 : 80);
        this.host = defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + port;
        this.signer = options.raw() ? null
                : new SigV4Signer(options.accessKey(), options.secretKey(), options.region(), "s3");
        this.bucket = options.bucket();
        this.timeout = options.timeout();
        this.verify = options.verify();
    }

    /** Creates the bucket; an existing bucket of ours is fine. Blocking: called once before the run. */
    Outcome createBucket() {
        return send("PUT", null, NO_QUERY, BodyPublishers.noBody(), null, false)
                .thenApply(r -> r.statusCode() == 200 || "BucketAlreadyOwnedByYou".equals(codeOf(r.body()))
                        ? Outcome.ok(0) : failure(r.body()))
                .exceptionally(Outcome::of).join();
    }

    CompletableFuture<Outcome> put(String key, long size) {
        return send("PUT", key, NO_QUERY, body(BodyGenerator.of(key, size), 0, size), null, false)
                .thenApply(r -> r.statusCode() == 200 ? Outcome.ok(size) : failure(r.body()))
                .exceptionally(Outcome::of);
    }

    /** GETs an object this run wrote at {@code size} bytes, checking its bytes with {@code --verify}. */
    CompletableFuture<Outcome> get(String key, long size) {
        BodyGenerator check = verify ? BodyGenerator.of(key, size) : null;
        return send("GET", key, NO_QUERY, BodyPublishers.noBody(), check, false).thenApply(r -> {
            ResponseBody b = r.body();
            if (r.statusCode() != 200) {
                return failure(b);
            }
            if (b.bytes() != size) {
                return Outcome.failed("SizeMismatch");
            }
            return b.mismatchAt() >= 0 ? Outcome.failed("VerifyMismatch") : Outcome.ok(size);
        }).exceptionally(Outcome::of);
    }

    CompletableFuture<Outcome> head(String key) {
        return send("HEAD", key, NO_QUERY, BodyPublishers.noBody(), null, false)
                .thenApply(r -> r.statusCode() == 200 ? Outcome.ok(0) : failure(r.body()))
                .exceptionally(Outcome::of);
    }

    /** One page (up to 100 keys) of ListObjectsV2 under {@code prefix}; the bytes are those of the listing. */
    CompletableFuture<Outcome> list(String prefix) {
        SortedMap<String, String> q = new TreeMap<>();
        q.put("list-type", "2");
        q.put("max-keys", "100");
        q.put("prefix", prefix);
        return send("GET", null, q, BodyPublishers.noBody(), null, false)
                .thenApply(r -> r.statusCode() == 200 ? Outcome.ok(r.body().bytes()) : failure(r.body()))
                .exceptionally(Outcome::of);
    }

    CompletableFuture<Outcome> delete(String key) {
        return send("DELETE", key, NO_QUERY, BodyPublishers.noBody(), null, false)
                .thenApply(r -> r.statusCode() == 204 || r.statusCode() == 200 ? Outcome.ok(0) : failure(r.body()))
                .exceptionally(Outcome::of);
    }

    /**
     * A multipart upload of the same bytes a PUT would write: initiate, parts of {@link #partSize} in sequence,
     * complete. A failed upload is aborted (best effort, not awaited).
     */
    CompletableFuture<Outcome> multipartPut(String key, long size) {
        SortedMap<String, String> initiate = new TreeMap<>();
        initiate.put("uploads", "");
        return send("POST", key, initiate, BodyPublishers.noBody(), null, true).thenCompose(r -> {
            Matcher m = UPLOAD_ID.matcher(r.body().text());
            if (r.statusCode() != 200 || !m.find()) {
                return CompletableFuture.completedFuture(failure(r.body()));
            }
            Upload upload = new Upload(key, m.group(1), size);
            return uploadParts(upload, 1)
                    .thenCompose(failed -> failed != null ? CompletableFuture.completedFuture(failed) : complete(upload))
                    .thenApply(o -> {
                        if (!o.ok()) {
                            abort(upload);
                        }
                        return o;
                    });
        }).exceptionally(Outcome::of);
    }

    /** Parts of at least 5 MiB, larger when needed to stay within 10,000 parts. */
    static long partSize(long size) {
        return Math.max(MIN_PART, (size + MAX_PARTS - 1) / MAX_PARTS);
    }

    /** An upload in progress: the ETags of its parts so far, in order. */
    private static final class Upload {
        final String key;
        final String id;
        final long size;
        final long partSize;
        final int parts;
        final BodyGenerator body;
        final List<String> etags = new ArrayList<>();

        Upload(String key, String id, long size) {
            this.key = key;
            this.id = id;
            this.size = size;
            this.partSize = partSize(size);
            this.parts = (int) Math.max(1, (size + partSize - 1) / partSize);
            this.body = BodyGenerator.of(key, size);
        }

        SortedMap<String, String> query(int partNumber) {
            SortedMap<String, String> q = new TreeMap<>();
            if (partNumber > 0) {
                q.put("partNumber", Integer.toString(partNumber));
            }
            q.put("uploadId", id);
            return q;
        }
    }

    /** Uploads parts {@code n..parts} one after the other; completes with null when all succeeded. */
    private CompletableFuture<Outcome> uploadParts(Upload u, int n) {
        if (n > u.parts) {
            return CompletableFuture.completedFuture(null);
        }
        long offset = (n - 1) * u.partSize;
        long length = Math.min(u.partSize, u.size - offset);
        return send("PUT", u.key, u.query(n), body(u.body, offset, length), null, false).thenCompose(r -> {
            String etag = r.headers().firstValue("ETag").orElse(null);
            if (r.statusCode() != 200 || etag == null) {
                return CompletableFuture.completedFuture(r.statusCode() == 200 ? Outcome.failed("NoETag")
                        : failure(r.body()));
            }
            u.etags.add(etag);
            return uploadParts(u, n + 1);
        });
    }

    private CompletableFuture<Outcome> complete(Upload u) {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 0; i < u.etags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>")
                    .append(u.etags.get(i)).append("</ETag></Part>");
        }
        xml.append("</CompleteMultipartUpload>");
        // CompleteMultipartUpload may answer 200 with an <Error> body: the body decides.
        return send("POST", u.key, u.query(0), BodyPublishers.ofString(xml.toString()), null, true)
                .thenApply(r -> r.statusCode() == 200 && !r.body().text().contains("<Error>")
                        ? Outcome.ok(u.size) : failure(r.body()));
    }

    private void abort(Upload u) {
        send("DELETE", u.key, u.query(0), BodyPublishers.noBody(), null, false);
    }

    /** An unsigned GET of the endpoint URL itself ({@code --raw}): counts the body, checks nothing but the status. */
    CompletableFuture<Outcome> raw() {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout).GET().build();
        return http.sendAsync(request, ResponseBody.handler(null, false))
                .thenApply(r -> r.statusCode() == 200 ? Outcome.ok(r.body().bytes()) : failure(r.body()))
                .exceptionally(Outcome::of);
    }

    private static BodyPublisher body(BodyGenerator gen, long offset, long length) {
        return length == 0 ? BodyPublishers.noBody()
                : BodyPublishers.fromPublisher(new GeneratedBodyPublisher(gen, offset, length), length);
    }

    /** Signs and sends one request to the bucket ({@code key} null) or to one of its objects. */
    private CompletableFuture<HttpResponse<ResponseBody>> send(String method, String key,
            SortedMap<String, String> query, BodyPublisher body, BodyGenerator check, boolean keep) {
        String path = "/" + SigV4Signer.uriEncode(bucket, true)
                + (key == null ? "" : "/" + SigV4Signer.uriEncode(key, false));
        String queryString = SigV4Signer.canonicalQuery(query);
        String amzDate = signer.amzDate(Instant.now());
        SortedMap<String, String> headers = new TreeMap<>();
        headers.put("host", host);
        headers.put("x-amz-content-sha256", SigV4Signer.UNSIGNED_PAYLOAD);
        headers.put("x-amz-date", amzDate);
        String authorization = signer.authorization(method, path, query, headers, SigV4Signer.UNSIGNED_PAYLOAD,
                amzDate);
        URI uri = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path
                + (queryString.isEmpty() ? "" : "?" + queryString));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body)
                .header("x-amz-date", amzDate)
                .header("x-amz-content-sha256", SigV4Signer.UNSIGNED_PAYLOAD)
                .header("Authorization", authorization)
                .build();
        return http.sendAsync(request, ResponseBody.handler(check, keep));
    }

    private static Outcome failure(ResponseBody body) {
        String code = codeOf(body);
        return Outcome.failed(code != null ? code : "HTTP " + body.status());
    }

    private static String codeOf(ResponseBody body) {
        Matcher m = CODE.matcher(body.text());
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() {
        http.close(); // waits for what is in flight (the run already did)
        executor.shutdown();
    }
}
