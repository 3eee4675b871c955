package dev.cairn.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signing side of AWS Signature Version 4 for S3 (header authentication).
 *
 * <p>{@link #authorization} builds the canonical request (method, URI-encoded path, sorted encoded query, sorted
 * lower-case headers with trimmed values, signed header list, payload hash), the string to sign
 * ({@code AWS4-HMAC-SHA256}, timestamp, scope, hash of the canonical request) and returns the
 * {@code Authorization} header value. The signing key changes once a day and is cached for that day. Thread-safe.
 */
final class SigV4Signer {
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private record DayKey(String date, byte[] key) {}

    private record Stamp(long epochSecond, String amzDate) {}

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;
    private volatile DayKey dayKey = new DayKey("", new byte[0]);
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    SigV4Signer(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} for {@code now}, formatted once per second (every request needs one). */
    String amzDate(Instant now) {
        Stamp s = stamp;
        if (s.epochSecond != now.getEpochSecond()) {
            s = new Stamp(now.getEpochSecond(), AMZ_DATE.format(now));
            stamp = s;
        }
        return s.amzDate;
    }

    /**
     * The {@code Authorization} header for a request.
     *
     * @param path the request path as sent, already URI-encoded (S3 does not encode it again)
     * @param query decoded query parameter names and values, sorted by name; encoded here
     * @param headers lower-case header names to their values, sorted; all of them are signed and must include
     *     {@code host} and {@code x-amz-date}
     * @param payloadHash the value sent in {@code x-amz-content-sha256}
     * @param amzDate the value sent in {@code x-amz-date}
     */
    String authorization(String method, String path, SortedMap<String, String> query,
                         SortedMap<String, String> headers, String payloadHash, String amzDate) {
        StringBuilder canonical = new StringBuilder(256);
        canonical.append(method).append('\n').append(path.isEmpty() ? "/" : path).append('\n');
        canonical.append(canonicalQuery(query)).append('\n');
        StringBuilder signed = new StringBuilder(64);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            canonical.append(h.getKey()).append(':').append(h.getValue().strip()).append('\n');
            if (!signed.isEmpty()) {
                signed.append(';');
            }
            signed.append(h.getKey());
        }
        canonical.append('\n').append(signed).append('\n').append(payloadHash);

        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical.toString());
        String signature = HEX.formatHex(hmac(signingKey(date), toSign));
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ",SignedHeaders=" + signed
                + ",Signature=" + signature;
    }

    /** Encoded {@code name=value} pairs joined by {@code &}, in the map's (sorted) order; also usable as the URL query. */
    static String canonicalQuery(SortedMap<String, String> query) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> p : query.entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(uriEncode(p.getKey(), true)).append('=').append(uriEncode(p.getValue(), true));
        }
        return out.toString();
    }

    /**
     * AWS URI encoding: UTF-8 bytes other than {@code A-Z a-z 0-9 - . _ ~} become {@code %XY} (upper-case);
     * {@code /} too unless {@code encodeSlash} is false (object key paths).
     */
    static String uriEncode(String s, boolean encodeSlash) {
        StringBuilder out = null;
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean keep = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '.' || b == '_' || b == '~' || (b == '/' && !encodeSlash);
            if (keep && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(bytes.length + 16);
                for (int j = 0; j < i; j++) {
                    out.append((char) bytes[j]);
                }
            }
            if (keep) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out == null ? s : out.toString();
    }

    private byte[] signingKey(String date) {
        DayKey k = dayKey;
        if (!k.date.equals(date)) {
            byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
            key = hmac(key, region);
            key = hmac(key, service);
            key = hmac(key, "aws4_request");
            k = new DayKey(date, key);
            dayKey = k;
        }
        return k.key;
    }

    static String sha256Hex(String s) {
        return HEX.formatHex(SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
