package dev.cairn.identity.sigv4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** An immutable request head for tests; every {@code with*} returns a changed copy. Header names are lower-cased. */
record FakeRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headerMap, String bucket)
        implements SignedRequest {

    FakeRequest {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headerMap.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headerMap = copy;
    }

    static FakeRequest of(String method, String rawPath, String rawQuery) {
        return new FakeRequest(method, rawPath, rawQuery, Map.of(), null);
    }

    FakeRequest with(String name, String value) {
        Map<String, List<String>> h = new LinkedHashMap<>(headerMap);
        h.put(name.toLowerCase(Locale.ROOT), List.of(value));
        return new FakeRequest(method, rawPath, rawQuery, h, bucket);
    }

    FakeRequest withAdded(String name, String value) {
        Map<String, List<String>> h = new LinkedHashMap<>(headerMap);
        List<String> values = new ArrayList<>(h.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
        values.add(value);
        h.put(name.toLowerCase(Locale.ROOT), values);
        return new FakeRequest(method, rawPath, rawQuery, h, bucket);
    }

    FakeRequest without(String name) {
        Map<String, List<String>> h = new LinkedHashMap<>(headerMap);
        h.remove(name.toLowerCase(Locale.ROOT));
        return new FakeRequest(method, rawPath, rawQuery, h, bucket);
    }

    FakeRequest withMethod(String m) {
        return new FakeRequest(m, rawPath, rawQuery, headerMap, bucket);
    }

    FakeRequest withPath(String p) {
        return new FakeRequest(method, p, rawQuery, headerMap, bucket);
    }

    FakeRequest withQuery(String q) {
        return new FakeRequest(method, rawPath, q, headerMap, bucket);
    }

    FakeRequest withBucket(String b) {
        return new FakeRequest(method, rawPath, rawQuery, headerMap, b);
    }

    /** Replaces {@code from} with {@code to} in the raw query (first occurrence); fails the test if absent. */
    FakeRequest replaceInQuery(String from, String to) {
        if (rawQuery == null || !rawQuery.contains(from)) {
            throw new AssertionError("'" + from + "' is not in the query " + rawQuery);
        }
        return withQuery(rawQuery.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    /** Replaces {@code from} with {@code to} in a header's single value; fails the test if absent. */
    FakeRequest replaceInHeader(String name, String from, String to) {
        String value = header(name);
        if (value == null || !value.contains(from)) {
            throw new AssertionError("'" + from + "' is not in header " + name + ": " + value);
        }
        return with(name, value.replace(from, to));
    }

    @Override
    public List<String> headers(String lowerCaseName) {
        return headerMap.getOrDefault(lowerCaseName, List.of());
    }

    @Override
    public Set<String> headerNames() {
        return headerMap.keySet();
    }

    @Override
    public String virtualHostBucket() {
        return bucket;
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
