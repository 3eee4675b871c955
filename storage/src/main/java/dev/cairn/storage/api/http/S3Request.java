package dev.cairn.storage.api.http;

import io.vertx.core.MultiMap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An S3 request as the handlers see it: method, bucket and key (decoded; path-style or virtual-host style),
 * the query parameters (decoded) and the headers. The raw path and query are kept for signature checks.
 *
 * @param bucket null for service-level requests ({@code GET /})
 * @param key    null for bucket-level requests
 */
public record S3Request(String method, String rawPath, String rawQuery, String bucket, String key,
                        Map<String, List<String>> query, MultiMap headers) {

    /**
     * Splits a request into bucket and key. With {@code domain} set (e.g. {@code s3.example.com}), a Host of
     * {@code bucket.s3.example.com} names the bucket and the whole path is the key; otherwise the first path
     * segment is the bucket.
     *
     * @throws IllegalArgumentException when the path or query is not valid percent-encoding
     */
    public static S3Request parse(String method, String rawPath, String rawQuery, MultiMap headers, String domain) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String bucket = null;
        String keyPart;
        String host = hostWithoutPort(headers.get("host"));
        if (domain != null && !domain.isEmpty() && host != null && host.endsWith("." + domain)) {
            bucket = host.substring(0, host.length() - domain.length() - 1);
            keyPart = path.substring(1);
        } else {
            String rest = path.substring(1);
            int slash = rest.indexOf('/');
            String first = slash < 0 ? rest : rest.substring(0, slash);
            if (!first.isEmpty()) {
                bucket = percentDecode(first, false);
            }
            keyPart = slash < 0 ? "" : rest.substring(slash + 1);
        }
        String key = keyPart.isEmpty() ? null : percentDecode(keyPart, false);
        return new S3Request(method, path, rawQuery, bucket, key, parseQuery(rawQuery), headers);
    }

    static String hostWithoutPort(String host) {
        if (host == null) {
            return null;
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Query parameters in order, decoded as forms are ({@code +} is a space). A bare name maps to "". */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }

    /** Decodes %XX sequences as UTF-8; {@code plusIsSpace} for query strings. */
    static String percentDecode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("bad percent-encoding in " + s);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent-encoding in " + s);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public boolean has(String param) {
        return query.containsKey(param);
    }

    /** The first value of a query parameter, or null. */
    public String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
