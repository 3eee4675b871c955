package dev.cairn.identity.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deliberately plain SigV4 signer, written from the AWS documentation independently of the code under test
 * (it shares none of it), that signs the way SDKs do: the path and query are encoded from decoded values, the
 * canonical request is built from those same encodings, and all given headers are signed. Tests use it to make
 * valid requests and bodies for the forms the AWS documentation has no worked example of.
 */
final class TestSigner {

    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final DateTimeFormatter ISO_BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private TestSigner() {}

    record Param(String name, String value) {}

    /**
     * A request as a client means it: decoded path and parameters, extra headers (lower-case names) and the hashed
     * payload to send in {@code x-amz-content-sha256} ({@code null} to send none).
     */
    record Spec(String method, String path, List<Param> params, Map<String, String> headers, String payloadHash) {
        static Spec of(String method, String path) {
            return new Spec(method, path, List.of(), Map.of("host", "cairn.test"), EMPTY_SHA256);
        }

        Spec param(String name, String value) {
            List<Param> p = new ArrayList<>(params);
            p.add(new Param(name, value));
            return new Spec(method, path, p, headers, payloadHash);
        }

        Spec header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Spec(method, path, params, h, payloadHash);
        }

        Spec payload(String hash) {
            return new Spec(method, path, params, headers, hash);
        }
    }

    static FakeRequest signHeader(Spec spec, String accessKey, String secret, Instant time, String region) {
        return signHeader(spec, accessKey, secret, time, region, true);
    }

    /**
     * Signs with the {@code Authorization} header; the time goes in {@code x-amz-date}, or (when
     * {@code amzDate} is false) only into the string to sign, the spec then carrying a {@code date} header.
     */
    static FakeRequest signHeader(Spec spec, String accessKey, String secret, Instant time, String region,
            boolean amzDate) {
        String timestamp = ISO_BASIC.format(time);
        Map<String, String> headers = new TreeMap<>(spec.headers());
        if (amzDate) {
            headers.put("x-amz-date", timestamp);
        }
        if (spec.payloadHash() != null) {
            headers.put("x-amz-content-sha256", spec.payloadHash());
        }
        String signedHeaders = String.join(";", headers.keySet());
        String scope = timestamp.substring(0, 8) + "/" + region + "/s3/aws4_request";
        String canonical = spec.method() + "\n" + encodePath(spec.path()) + "\n" + canonicalQuery(spec.params())
                + "\n" + canonicalHeaders(headers) + "\n" + signedHeaders + "\n"
                + (spec.payloadHash() != null ? spec.payloadHash() : EMPTY_SHA256);
        String signature = signature(secret, timestamp, region, canonical);
        FakeRequest req = FakeRequest.of(spec.method(), encodePath(spec.path()), rawQuery(spec.params()));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            req = req.with(h.getKey(), h.getValue());
        }
        return req.with("authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
    }

    /** A presigned URL request: only the spec's headers (host among them) are signed; the payload is unsigned. */
    static FakeRequest presign(Spec spec, String accessKey, String secret, Instant time, String region, long expires,
            String token) {
        return presign(spec, accessKey, secret, time, region, Long.toString(expires), token, null);
    }

    /**
     * A presigned URL request with {@code expires} as given (any text) and, when {@code contentSha256} is
     * non-null, an {@code X-Amz-Content-Sha256} parameter that replaces UNSIGNED-PAYLOAD as the hashed payload.
     */
    static FakeRequest presign(Spec spec, String accessKey, String secret, Instant time, String region,
            String expires, String token, String contentSha256) {
        String timestamp = ISO_BASIC.format(time);
        Map<String, String> headers = new TreeMap<>(spec.headers());
        String signedHeaders = String.join(";", headers.keySet());
        List<Param> params = new ArrayList<>(spec.params());
        params.add(new Param("X-Amz-Algorithm", "AWS4-HMAC-SHA256"));
        params.add(new Param("X-Amz-Credential", accessKey + "/" + timestamp.substring(0, 8) + "/" + region
                + "/s3/aws4_request"));
        params.add(new Param("X-Amz-Date", timestamp));
        params.add(new Param("X-Amz-Expires", expires));
        params.add(new Param("X-Amz-SignedHeaders", signedHeaders));
        if (token != null) {
            params.add(new Param("X-Amz-Security-Token", token));
        }
        if (contentSha256 != null) {
            params.add(new Param("X-Amz-Content-Sha256", contentSha256));
        }
        String canonical = spec.method() + "\n" + encodePath(spec.path()) + "\n" + canonicalQuery(params) + "\n"
                + canonicalHeaders(headers) + "\n" + signedHeaders + "\n"
                + (contentSha256 != null ? contentSha256 : "UNSIGNED-PAYLOAD");
        params.add(new Param("X-Amz-Signature", signature(secret, timestamp, region, canonical)));
        FakeRequest req = FakeRequest.of(spec.method(), encodePath(spec.path()), rawQuery(params));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            req = req.with(h.getKey(), h.getValue());
        }
        return req;
    }

    static String signature(String secret, String timestamp, String region, String canonicalRequest) {
        String scope = timestamp.substring(0, 8) + "/" + region + "/s3/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
        return hex(hmac(signingKey(secret, timestamp.substring(0, 8), region, "s3"), stringToSign));
    }

    static String seedSignature(FakeRequest req) {
        String auth = req.header("authorization");
        return auth.substring(auth.indexOf("Signature=") + "Signature=".length());
    }

    // --- aws-chunked bodies ---

    /** The chunk signatures' inputs: the signing key, timestamp, scope and the seed (request) signature. */
    record ChunkKey(byte[] key, String timestamp, String scope, String seed) {
        static ChunkKey of(String secret, String timestamp, String region, String seed) {
            return new ChunkKey(signingKey(secret, timestamp.substring(0, 8), region, "s3"), timestamp,
                    timestamp.substring(0, 8) + "/" + region + "/s3/aws4_request", seed);
        }
    }

    /** An encoded body and the offsets at which each chunk header starts (the last is the final chunk's). */
    record Encoded(byte[] body, List<Integer> chunkStarts) {}

    /**
     * Encodes {@code data} as {@code aws-chunked}: signed when {@code key} is non-null, with the given trailers
     * when {@code trailers} is non-null (signed trailers end with {@code x-amz-trailer-signature}).
     */
    static Encoded chunked(byte[] data, int chunkSize, ChunkKey key, Map<String, String> trailers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> starts = new ArrayList<>();
        String previous = key == null ? null : key.seed();
        for (int off = 0, len; ; off += len) {
            len = Math.min(chunkSize, data.length - off);
            starts.add(out.size());
            String header = Integer.toHexString(len);
            if (key != null) {
                String stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + key.timestamp() + "\n" + key.scope() + "\n"
                        + previous + "\n" + EMPTY_SHA256 + "\n" + sha256Hex(slice(data, off, len));
                previous = hex(hmac(key.key(), stringToSign));
                header += ";chunk-signature=" + previous;
            }
            out.writeBytes((header + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (len == 0) {
                break;
            }
            out.write(data, off, len);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (trailers != null) {
            StringBuilder lines = new StringBuilder();
            trailers.forEach((name, value) -> lines.append(name).append(':').append(value).append('\n'));
            for (Map.Entry<String, String> t : trailers.entrySet()) {
                out.writeBytes((t.getKey() + ":" + t.getValue() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (key != null) {
                String stringToSign = "AWS4-HMAC-SHA256-TRAILER\n" + key.timestamp() + "\n" + key.scope() + "\n"
                        + previous + "\n" + sha256Hex(lines.toString());
                out.writeBytes(("x-amz-trailer-signature:" + hex(hmac(key.key(), stringToSign)) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return new Encoded(out.toByteArray(), starts);
    }

    // --- primitives ---

    static String encodePath(String path) {
        return encode(path, true);
    }

    static String encode(String s, boolean keepSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String canonicalQuery(List<Param> params) {
        List<String> pairs = new ArrayList<>();
        for (Param p : params) {
            pairs.add(encode(p.name(), false) + "=" + encode(p.value(), false));
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    static String rawQuery(List<Param> params) {
        if (params.isEmpty()) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        for (Param p : params) {
            pairs.add(encode(p.name(), false) + "=" + encode(p.value(), false));
        }
        return String.join("&", pairs);
    }

    static String canonicalHeaders(Map<String, String> sortedHeaders) {
        StringBuilder out = new StringBuilder();
        sortedHeaders.forEach((k, v) -> out.append(k).append(':').append(v.strip().replaceAll("\\s+", " ")).append('\n'));
        return out.toString();
    }

    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String sha256Hex(String s) {
        return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] b) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] slice(byte[] data, int off, int len) {
        byte[] s = new byte[len];
        System.arraycopy(data, off, s, 0, len);
        return s;
    }
}
