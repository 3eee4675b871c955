package dev.cairn.bench.load;

import dev.cairn.bench.load.http.BodySource;
import dev.cairn.bench.load.http.EventLoop;
import dev.cairn.bench.load.http.HttpConnection;
import dev.cairn.bench.load.http.Request;
import dev.cairn.bench.load.http.Response;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The S3 requests of one load slot, on the slot's own keep-alive connection: path-style, signed with SigV4 and
 * {@code UNSIGNED-PAYLOAD}. Every method starts its operation and returns; {@code done} gets the {@link Outcome}
 * on the connection's event loop, and an HTTP, S3 or connection error is an outcome, never an exception. One
 * operation at a time, started on the event loop.
 */
final class S3Session {
    static final long MIN_PART = 5L << 20;
    /**
     * Bytes per socket read or write (see {@link HttpConnection}). Against nginx, 1 MiB GETs: 16 and 64 KiB about
     * equal, 256 KiB 10-25% fewer GETs/s (the bytes leave the L2 cache before they are looked at).
     */
    static final int BUFFER = 64 * 1024;
    private static final int MAX_PARTS = 10_000;
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]*)</UploadId>");
    private static final SortedMap<String, String> NO_QUERY = new TreeMap<>();

    /** What to do with a response (its body is in {@link #body}). */
    @FunctionalInterface
    private interface Then {
        Outcome apply(Response response);
    }

    private final HttpConnection http;
    private final String host;
    private final SigV4Signer signer;
    private final String bucket;
    private final boolean verify;
    private final Request raw;
    private final ResponseBody body = new ResponseBody();
    private final SortedMap<String, String> signedHeaders = new TreeMap<>();

    S3Session(LoadOptions options, SigV4Signer signer, EventLoop loop) {
        URI endpoint = options.endpoint();
        int port = endpoint.getPort() == -1 ? 80 : endpoint.getPort();
        this.http = new HttpConnection(loop, new InetSocketAddress(endpoint.getHost(), port), BUFFER,
                options.timeout());
        // What is sent as Host, which must be what is signed: the port only when not the default.
        this.host = port == 80 ? endpoint.getHost() : endpoint.getHost() + ":" + port;
        this.signer = signer;
        this.bucket = options.bucket();
        this.verify = options.verify();
        String target = (endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath())
                + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery());
        // The same bytes for every --raw GET, as wrk sends them.
        this.raw = Request.of(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), false);
        signedHeaders.put("host", host);
        signedHeaders.put("x-amz-content-sha256", SigV4Signer.UNSIGNED_PAYLOAD);
    }

    /** Creates the bucket; an existing bucket of ours is fine. */
    void createBucket(Consumer<Outcome> done) {
        send("PUT", null, NO_QUERY, null, 0, 0, null, true, done, r -> r.status() == 200
                || "BucketAlreadyOwnedByYou".equals(code()) ? Outcome.ok(0) : failure());
    }

    void put(String key, long size, Consumer<Outcome> done) {
        send("PUT", key, NO_QUERY, BodyGenerator.of(key, size), 0, size, null, false, done,
                r -> r.status() == 200 ? Outcome.ok(size) : failure());
    }

    /** GETs an object this run wrote at {@code size} bytes, checking its bytes with {@code --verify}. */
    void get(String key, long size, Consumer<Outcome> done) {
        send("GET", key, NO_QUERY, null, 0, 0, verify ? BodyGenerator.of(key, size) : null, false, done, r -> {
            if (r.status() != 200) {
                return failure();
            }
            if (body.bytes() != size) {
                return Outcome.failed("SizeMismatch");
            }
            return body.mismatchAt() >= 0 ? Outcome.failed("VerifyMismatch") : Outcome.ok(size);
        });
    }

    void head(String key, Consumer<Outcome> done) {
        send("HEAD", key, NO_QUERY, null, 0, 0, null, false, done,
                r -> r.status() == 200 ? Outcome.ok(0) : failure());
    }

    /** One page (up to 100 keys) of ListObjectsV2 under {@code prefix}; the bytes are those of the listing. */
    void list(String prefix, Consumer<Outcome> done) {
        SortedMap<String, String> q = new TreeMap<>();
        q.put("list-type", "2");
        q.put("max-keys", "100");
        q.put("prefix", prefix);
        send("GET", null, q, null, 0, 0, null, false, done,
                r -> r.status() == 200 ? Outcome.ok(body.bytes()) : failure());
    }

    void delete(String key, Consumer<Outcome> done) {
        send("DELETE", key, NO_QUERY, null, 0, 0, null, false, done,
                r -> r.status() == 204 || r.status() == 200 ? Outcome.ok(0) : failure());
    }

    /** An unsigned GET of the endpoint URL itself ({@code --raw}): counts the body, checks nothing but the status. */
    void raw(Consumer<Outcome> done) {
        http.exchange(raw, body.expect(null, false), (r, e) -> done.accept(e != null ? Outcome.of(e)
                : r.status() == 200 ? Outcome.ok(body.bytes()) : failure()));
    }

    /**
     * A multipart upload of the same bytes a PUT would write: initiate, parts of {@link #partSize} in sequence,
     * complete. A failed upload is aborted (best effort, not awaited).
     */
    void multipartPut(String key, long size, Consumer<Outcome> done) {
        SortedMap<String, String> initiate = new TreeMap<>();
        initiate.put("uploads", "");
        new Upload(key, size, done).start(initiate);
    }

    /** Parts of at least 5 MiB, larger when needed to stay within 10,000 parts. */
    static long partSize(long size) {
        return Math.max(MIN_PART, (size + MAX_PARTS - 1) / MAX_PARTS);
    }

    /** A multipart upload in progress: each step starts the next from its response. */
    private final class Upload {
        final String key;
        final long size;
        final long partSize;
        final int parts;
        final BodyGenerator gen;
        final Consumer<Outcome> done;
        final List<String> etags = new ArrayList<>();
        String id;

        Upload(String key, long size, Consumer<Outcome> done) {
            this.key = key;
            this.size = size;
            this.partSize = partSize(size);
            this.parts = (int) Math.max(1, (size + partSize - 1) / partSize);
            this.gen = BodyGenerator.of(key, size);
            this.done = done;
        }

        void start(SortedMap<String, String> initiate) {
            send("POST", key, initiate, null, 0, 0, null, true, this::end, r -> {
                Matcher m = UPLOAD_ID.matcher(body.text());
                if (r.status() != 200 || !m.find()) {
                    return failure();
                }
                id = m.group(1);
                part(1);
                return null; // goes on
            });
        }

        void part(int n) {
            long offset = (n - 1) * partSize;
            send("PUT", key, query(n), gen, offset, Math.min(partSize, size - offset), null, false, this::end, r -> {
                if (r.status() != 200) {
                    return failure();
                }
                if (r.etag() == null) {
                    return Outcome.failed("NoETag");
                }
                etags.add(r.etag());
                if (n < parts) {
                    part(n + 1);
                } else {
                    complete();
                }
                return null;
            });
        }

        void complete() {
            StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
            for (int i = 0; i < etags.size(); i++) {
                xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(etags.get(i))
                        .append("</ETag></Part>");
            }
            byte[] bytes = xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
            // CompleteMultipartUpload may answer 200 with an <Error> body: the body decides.
            send("POST", key, query(0), (pos, dst, len) -> dst.put(bytes, (int) pos, len), 0, bytes.length, null,
                    true, this::end, r -> r.status() == 200 && !body.text().contains("<Error>") ? Outcome.ok(size)
                            : failure());
        }

        /** The upload's outcome; a failed upload started on the server is aborted first. */
        void end(Outcome o) {
            if (o.ok() || id == null) {
                done.accept(o);
                return;
            }
            send("DELETE", key, query(0), null, 0, 0, null, false, ignored -> done.accept(o), r -> Outcome.ok(0));
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

    /**
     * Signs and sends one request to the bucket ({@code key} null) or to one of its objects, with body bytes
     * {@code [offset, offset + length)} of {@code source}; reads the response into {@link #body} and hands it to
     * {@code then}, whose outcome goes to {@code done} (none when {@code then} started a next request instead).
     */
    private void send(String method, String key, SortedMap<String, String> query, BodySource source, long offset,
                      long length, BodyGenerator check, boolean keep, Consumer<Outcome> done, Then then) {
        String path = "/" + SigV4Signer.uriEncode(bucket, true)
                + (key == null ? "" : "/" + SigV4Signer.uriEncode(key, false));
        String queryString = SigV4Signer.canonicalQuery(query);
        String amzDate = signer.amzDate(Instant.now());
        signedHeaders.put("x-amz-date", amzDate);
        String authorization = signer.authorization(method, path, query, signedHeaders, SigV4Signer.UNSIGNED_PAYLOAD,
                amzDate);
        StringBuilder head = new StringBuilder(512).append(method).append(' ').append(path);
        if (!queryString.isEmpty()) {
            head.append('?').append(queryString);
        }
        head.append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nx-amz-date: ").append(amzDate)
                .append("\r\nx-amz-content-sha256: ").append(SigV4Signer.UNSIGNED_PAYLOAD)
                .append("\r\nAuthorization: ").append(authorization).append("\r\n");
        if (length > 0 || method.equals("PUT") || method.equals("POST")) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        head.append("\r\n");
        Request request = new Request(head.toString().getBytes(StandardCharsets.ISO_8859_1), method.equals("HEAD"),
                source, offset, length);
        http.exchange(request, body.expect(check, keep), (response, failure) -> {
            Outcome o;
            try {
                o = failure != null ? Outcome.of(failure) : then.apply(response);
            } catch (RuntimeException e) {
                o = Outcome.of(e);
            }
            if (o != null) {
                done.accept(o);
            }
        });
    }

    /** The failure the last response stands for: its S3 error code, else its HTTP status. */
    private Outcome failure() {
        String code = code();
        return Outcome.failed(code != null ? code : "HTTP " + body.status());
    }

    private String code() {
        Matcher m = CODE.matcher(body.text());
        return m.find() ? m.group(1) : null;
    }
}
