package dev.cairn.bench;

import dev.cairn.identity.Credentials;
import dev.cairn.identity.StaticCredentialStore;
import dev.cairn.identity.sigv4.AuthResult;
import dev.cairn.identity.sigv4.ChunkedPayloadStream;
import dev.cairn.identity.sigv4.Payloads;
import dev.cairn.identity.sigv4.RequestAuthenticator;
import dev.cairn.identity.sigv4.SignedRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Request authentication cost. {@code authenticateGet}: a SigV4 header-signed GET with six signed headers, as an
 * SDK sends it, with the signing key already cached (the steady state: keys change once a day). The chunk
 * benchmarks decode an 8 MiB {@code aws-chunked} body of 64 KiB chunks, signed (every chunk's SHA-256 and HMAC
 * verified) and unsigned-with-trailer, against a plain SHA-256 of the same 8 MiB; their {@code :bytes} rows are
 * bytes per second (divide by 1e6 for MB/s).
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class SigV4Bench {

    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2013-05-24T00:00:00Z");
    static final String AMZ_DATE = "20130524T000000Z";
    static final String SCOPE = "20130524/us-east-1/s3/aws4_request";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final int BODY = 8 << 20;
    static final int CHUNK = 64 << 10;

    /** A request head over a sorted header map. */
    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headerMap)
            implements SignedRequest {
        @Override
        public List<String> headers(String lowerCaseName) {
            return headerMap.getOrDefault(lowerCaseName, List.of());
        }

        @Override
        public Set<String> headerNames() {
            return headerMap.keySet();
        }
    }

    @State(Scope.Benchmark)
    public static class Get {
        RequestAuthenticator authenticator;
        Request request;

        @Setup(Level.Trial)
        public void setUp() {
            authenticator = authenticator();
            TreeMap<String, String> headers = new TreeMap<>();
            headers.put("amz-sdk-invocation-id", "3f1c2b9e-6c1d-4a47-9a5e-0d5c7b0e8d11");
            headers.put("amz-sdk-request", "attempt=1; max=3");
            headers.put("host", "photos.s3.cairn.example:9000");
            headers.put("range", "bytes=0-1048575");
            headers.put("x-amz-content-sha256", EMPTY_SHA256);
            headers.put("x-amz-date", AMZ_DATE);
            request = sign("GET", "/2024/07/holiday/IMG_0042.jpg", "versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY",
                    headers, EMPTY_SHA256);
            authenticator.authenticate(request); // derives and caches the signing key
        }
    }

    @State(Scope.Benchmark)
    public static class Chunked {
        AuthResult signed;
        byte[] signedBody;
        AuthResult unsigned;
        byte[] unsignedBody;
        byte[] data;
        final byte[] buffer = new byte[CHUNK];

        @Setup(Level.Trial)
        public void setUp() {
            RequestAuthenticator authenticator = authenticator();
            data = new byte[BODY];
            new Random(42).nextBytes(data);
            TreeMap<String, String> headers = new TreeMap<>();
            headers.put("content-encoding", "aws-chunked");
            headers.put("host", "photos.s3.cairn.example:9000");
            headers.put("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
            headers.put("x-amz-date", AMZ_DATE);
            headers.put("x-amz-decoded-content-length", Integer.toString(BODY));
            Request put = sign("PUT", "/video.mp4", null, headers, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
            signed = authenticator.authenticate(put);
            String auth = put.headers("authorization").getFirst();
            signedBody = chunkedBody(data, auth.substring(auth.indexOf("Signature=") + 10));
            headers.put("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
            headers.put("x-amz-trailer", "x-amz-checksum-crc32c");
            unsigned = authenticator.authenticate(sign("PUT", "/video.mp4", null, headers,
                    "STREAMING-UNSIGNED-PAYLOAD-TRAILER"));
            unsignedBody = chunkedBody(data, null);
        }
    }

    /** Bytes decoded; JMH reports it as a rate, bytes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public AuthResult authenticateGet(Get get) {
        return get.authenticator.authenticate(get.request);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long chunkedSigned64KiB(Chunked c, Bytes counter) throws IOException {
        counter.bytes += BODY;
        return drain(Payloads.wrapBody(c.signed, new ByteArrayInputStream(c.signedBody), (long) BODY), c.buffer);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long chunkedUnsignedTrailer64KiB(Chunked c, Bytes counter) throws IOException {
        counter.bytes += BODY;
        ChunkedPayloadStream in = (ChunkedPayloadStream) Payloads.wrapBody(c.unsigned,
                new ByteArrayInputStream(c.unsignedBody), (long) BODY);
        return drain(in, c.buffer) + in.trailers().size();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] sha256Baseline(Chunked c, Bytes counter) throws GeneralSecurityException {
        counter.bytes += BODY;
        return MessageDigest.getInstance("SHA-256").digest(c.data);
    }

    private static long drain(InputStream in, byte[] buffer) throws IOException {
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
        }
        return total;
    }

    // --- a minimal SigV4 signer, so the benchmark needs nothing but the library under test ---

    static RequestAuthenticator authenticator() {
        return new RequestAuthenticator(StaticCredentialStore.of(Credentials.of("root-key", "root-secret-key", true),
                List.of(Credentials.of(ACCESS_KEY, SECRET_KEY, false))), InstantSource.fixed(NOW));
    }

    /** Signs a request whose path and query are already canonical, signing every header given. */
    static Request sign(String method, String path, String query, TreeMap<String, String> headers, String payload) {
        StringBuilder canonical = new StringBuilder(method).append('\n').append(path).append('\n')
                .append(query == null ? "" : query).append('\n');
        headers.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
        String signedHeaders = String.join(";", headers.keySet());
        canonical.append('\n').append(signedHeaders).append('\n').append(payload);
        String stringToSign = "AWS4-HMAC-SHA256\n" + AMZ_DATE + "\n" + SCOPE + "\n" + sha256Hex(canonical.toString()
                .getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(hmac(signingKey(), stringToSign));
        Map<String, List<String>> all = new TreeMap<>();
        headers.forEach((k, v) -> all.put(k, List.of(v)));
        all.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/" + SCOPE
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature));
        return new Request(method, path, query, all);
    }

    /** Encodes {@code data} in 64 KiB chunks, signed from {@code seed} when it is non-null, else with a trailer. */
    static byte[] chunkedBody(byte[] data, String seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 500);
        String previous = seed;
        for (int off = 0, len; ; off += len) {
            len = Math.min(CHUNK, data.length - off);
            String header = Integer.toHexString(len);
            if (seed != null) {
                MessageDigest sha = sha256();
                sha.update(data, off, len);
                previous = HexFormat.of().formatHex(hmac(signingKey(), "AWS4-HMAC-SHA256-PAYLOAD\n" + AMZ_DATE + "\n"
                        + SCOPE + "\n" + previous + "\n" + EMPTY_SHA256 + "\n" + HexFormat.of().formatHex(sha.digest())));
                header += ";chunk-signature=" + previous;
            }
            out.writeBytes((header + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (len == 0) {
                break;
            }
            out.write(data, off, len);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes((seed == null ? "x-amz-checksum-crc32c:AAAAAA==\r\n\r\n" : "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] signingKey() {
        byte[] k = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), "20130524");
        k = hmac(k, "us-east-1");
        k = hmac(k, "s3");
        return hmac(k, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] b) {
        return HexFormat.of().formatHex(sha256().digest(b));
    }
}
