package dev.cairn.storage.api;

import dev.cairn.storage.api.http.HeaderText;
import io.vertx.core.MultiMap;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which request headers become stored object metadata, and how stored metadata comes back as response headers.
 * User metadata ({@code x-amz-meta-*}) is stored with lower-case names, as S3 does, and limited to 2 KB
 * (UTF-8 bytes of names without the prefix plus values); values are stored as the text the client sent (UTF-8 on
 * the wire) and returned RFC 2047 encoded when not US-ASCII, as S3 documents.
 */
public final class ObjectHeaders {
    public static final String USER_PREFIX = "x-amz-meta-";
    public static final int USER_METADATA_LIMIT = 2 * 1024;
    public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    /** Standard headers stored with an object and returned on GET/HEAD. */
    static final Set<String> STORED = Set.of("content-type", "content-encoding", "content-disposition",
            "content-language", "cache-control", "expires", "x-amz-website-redirect-location");

    private ObjectHeaders() {
    }

    /** The metadata to store for a PUT, POST or a copy with the REPLACE directive. */
    public static Map<String, String> fromRequest(MultiMap headers) {
        Map<String, String> out = new TreeMap<>();
        int userBytes = 0;
        for (Map.Entry<String, String> h : headers.entries()) {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (name.startsWith(USER_PREFIX)) {
                String shortName = name.substring(USER_PREFIX.length());
                String value = HeaderText.asSent(h.getValue()); // the text the client sent, UTF-8 on the wire
                userBytes += shortName.getBytes(StandardCharsets.UTF_8).length
                        + value.getBytes(StandardCharsets.UTF_8).length;
                out.merge(name, value, (a, b) -> a + "," + b);
            } else if (name.equals("content-encoding")) {
                String stored = withoutAwsChunked(h.getValue());
                if (!stored.isEmpty()) {
                    out.put(name, stored);
                }
            } else if (STORED.contains(name)) {
                out.put(name, h.getValue());
            }
        }
        if (userBytes > USER_METADATA_LIMIT) {
            throw new S3Exception(S3Error.METADATA_TOO_LARGE, "user metadata is " + userBytes
                    + " bytes; at most " + USER_METADATA_LIMIT + " are allowed");
        }
        out.putIfAbsent("content-type", DEFAULT_CONTENT_TYPE);
        return out;
    }

    /**
     * Content-Encoding without {@code aws-chunked}: that coding describes how the request body was sent (signed
     * chunks, decoded on the way in), not the object, so S3 drops it and keeps the rest ({@code gzip}).
     */
    static String withoutAwsChunked(String contentEncoding) {
        StringBuilder kept = new StringBuilder();
        for (String coding : contentEncoding.split(",")) {
            String c = coding.strip();
            if (!c.isEmpty() && !c.equalsIgnoreCase("aws-chunked")) {
                kept.append(kept.isEmpty() ? "" : ", ").append(c);
            }
        }
        return kept.toString();
    }

    /** Response headers for stored metadata (user metadata and the standard headers). */
    public static void toResponse(Map<String, String> metadata, java.util.function.BiConsumer<String, String> header) {
        for (Map.Entry<String, String> m : metadata.entrySet()) {
            if (m.getKey().startsWith(USER_PREFIX)) {
                header.accept(m.getKey(), mailSafe(m.getValue()));
            } else if (STORED.contains(m.getKey())) {
                header.accept(m.getKey(), m.getValue());
            }
        }
    }

    /**
     * A user metadata value as S3 returns it: as it is when US-ASCII, else RFC 2047 encoded
     * ({@code =?UTF-8?B?base64?=}), since HTTP headers carry only ISO-8859-1 reliably.
     */
    static String mailSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                        value.getBytes(StandardCharsets.UTF_8)) + "?=";
            }
        }
        return value;
    }
}
