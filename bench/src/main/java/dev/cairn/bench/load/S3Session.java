package dev.cairn.bench.load;

import dev.cairn.bench.load.http.BodySource;
import dev.cairn.bench.load.http.HttpConnection;
import dev.cairn.bench.load.http.Request;
import dev.cairn.bench.load.http.Response;
import dev.cairn.bench.load.http.TimeoutWatchdog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The S3 requests of one load worker, each run to its end on the worker's own keep-alive connection: path-style,
 * signed with SigV4 and {@code UNSIGNED-PAYLOAD}. Every method returns an {@link Outcome} and throws nothing for an
 * HTTP, S3 or connection error (those are outcomes). Not thread-safe: one per worker thread.
 */
final class S3Session implements AutoCloseable {
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

    private final HttpConnection http;
    private final String host;
    private final SigV4Signer signer;
    private final String bucket;
    private final boolean verify;
    private final Request raw;
    private final ResponseBody body = new ResponseBody();
    private final SortedMap<String, String> signedHeaders = new TreeMap<>();

    S3Session(LoadOptions options, SigV4Signer signer, TimeoutWatchdog watchdog) {
        URI endpoint = options.endpoint();
        int port = endpoint.getPort() == -1 ? 80 : endpoint.getPort();
        this.http = new HttpConnection(new InetSocketAddress(endpoint.getHost(), port), BUFFER, options.timeout(),
                watchdog);
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
    Outcome createBucket() {
        try {
            Response r = send("PUT", null, NO_QUERY, null, 0, 0, null, true);
            return r.status() == 200 || "BucketAlreadyOwnedByYou".equals(code()) ? Outcome.ok(0) : failure();
        } catch (IOException e) {
            return Outcome.of(e);
        }
    }

    Outcome put(String key, long size) {
        try {
            Response r = send("PUT", key, NO_QUERY, BodyGenerator.of(key, size), 0, size, null, false);
            return r.status() == 200 ? Outcome.ok(size) : failure();
        } catch (IOException e) {
            return Outcome.of(e);
        }
    }

    /** GETs an object this run wrote at {@code size} bytes, checking its bytes with {@code --verify}. */
    Outcome get(String key, long size) {
        try {
            Response r = send("GET", key, NO_QUERY, null, 0, 0, verify ? BodyGenerator.of(key, size) : null, false);
            if (r.status() != 200) {
                return failure();
            }
            if (body.bytes() != size) {
                return Outcome.failed("SizeMismatch");
            }
            return body.mismatchAt() >= 0 ? Outcome.failed("VerifyMismatch") : Outcome.ok(size);
        } catch (IOException e) {
            return Outcome.of(e);
        }
    }

    Outcome head(String key) {
        try {
            return send("HEAD", key, NO_QUERY, null, 0, 0, null, false).status() == 200 ? Outcome.ok(0) : failure();
        } catch (IOException e) {
            return Outcome.of(e);
        }
    }

    /** One page (up to 100 keys) of ListObjectsV2 under {@code prefix}; the bytes are those of the listing. */
    Outcome list(String prefix) {
        SortedMap<String, String> q = new TreeMap<>();
        q.put("list-type", "2");
        q.put("max-keys", "100");
        q.put("prefix", prefix);
        try {
            return send("GET", null, q, null, 0, 0, null, false).status() == 200 ? Outcome.ok(body.bytes()) : failure();
        } catch (IOException e) {
            return Outcome.of(e);
        }
    }

    Outcome delete(String key) {
        try {
            int status = send("DELETE", key, NO_QUERY, null, 0, 0, null, false).status();
            return status == 204 || status == 200 ? Outcome.ok(0) : failure();
        } catch (IOException e) {
            return Outcome.of(e);
        }
    }

    /**
     * A multipart upload of the same bytes a PUT would write: initiate, parts of {@link #partSize} in sequence,
     * complete. A failed upload is aborted (best effort).
     */
    Outcome multipartPut(String key, long size) {
        SortedMap<String, String> initiate = new TreeMap<>();
        initiate.put("uploads", "");
        String uploadId;
        try {
            Response r = send("POST", key, initiate, null, 0, 0, null, true);
            Matcher m = UPLOAD_ID.matcher(body.text());
            if (r.status() != 200 || !m.find()) {
                return failure();
            }
            uploadId = m.group(1);
        } catch (IOException e) {
            return Outcome.of(e);
        }
        Outcome o;
        try {
            o = uploadAndComplete(key, size, uploadId);
        } catch (IOException e) {
            o = Outcome.of(e);
        }
        if (!o.ok()) {
            try {
                send("DELETE", key, uploadQuery(uploadId, 0), null, 0, 0, null, false);
            } catch (IOException ignored) {
                // best effort: the server's stale-upload expiry cleans up what this leaves
            }
        }
        return o;
    }

    /** Parts of at least 5 MiB, larger when needed to stay within 10,000 parts. */
    static long partSize(long size) {
        return Math.max(MIN_PART, (size + MAX_PARTS - 1) / MAX_PARTS);
    }

    private Outcome uploadAndComplete(String key, long size, String uploadId) throws IOException {
        long partSize = partSize(size);
        int parts = (int) Math.max(1, (size + partSize - 1) / partSize);
        BodyGenerator gen = BodyGenerator.of(key, size);
        List<String> etags = new ArrayList<>(parts);
        for (int n = 1; n <= parts; n++) {
            long offset = (n - 1) * partSize;
            Response r = send("PUT", key, uploadQuery(uploadId, n), gen, offset, Math.min(partSize, size - offset),
                    null, false);
            if (r.status() != 200) {
                return failure();
            }
            if (r.etag() == null) {
                return Outcome.failed("NoETag");
            }
            etags.add(r.etag());
        }
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 0; i < etags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(etags.get(i))
                    .append("</ETag></Part>");
        }
        xml.append("</CompleteMultipartUpload>");
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        Response r = send("POST", key, uploadQuery(uploadId, 0), (pos, dst, len) -> dst.put(bytes, (int) pos, len),
                0, bytes.length, null, true);
        // CompleteMultipartUpload may answer 200 with an <Error> body: the body decides.
        return r.status() == 200 && !body.text().contains("<Error>") ? Outcome.ok(size) : failure();
    }

    private static SortedMap<String, String> uploadQuery(String uploadId, int partNumber) {
        SortedMap<String, String> q = new TreeMap<>();
        if (partNumber > 0) {
            q.put("partNumber", Integer.toString(partNumber));
        }
        q.put("uploadId", uploadId);
        return q;
    }

    /** An unsigned GET of the endpoint URL itself ({@code --raw}): counts the body, checks nothing but the status. */
    Outcome raw() {
        try {
            return http.exchange(raw, body.expect(null, false)).status() == 200 ? Outcome.ok(body.bytes()) : failure();
        } catch (IOException e) {
            return Outcome.of(e);
        }
    }

    /**
     * Signs and sends one request to the bucket ({@code key} null) or to one of its objects, with body bytes
     * {@code [offset, offset + length)} of {@code source}, and reads the response into {@link #body}.
     */
    private Response send(String method, String key, SortedMap<String, String> query,
                          BodySource source, long offset, long length, BodyGenerator check,
                          boolean keep) throws IOException {
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
        return http.exchange(request, body.expect(check, keep));
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

    @Override
    public void close() {
        http.close();
    }
}
