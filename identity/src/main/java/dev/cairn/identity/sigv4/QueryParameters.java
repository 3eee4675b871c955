package dev.cairn.identity.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A raw query string split into its parameters, keeping both what was sent (for the canonical query string) and
 * the decoded text (for reading values). Empty components ({@code a=1&&b=2}) are skipped; a parameter without
 * {@code =} has the empty value. Parameter names are case-sensitive, as in S3.
 */
final class QueryParameters {

    /** One {@code name=value} pair as sent ({@code raw*}) and decoded. */
    record Parameter(String rawName, String rawValue, String name, String value) {}

    static final QueryParameters EMPTY = new QueryParameters(List.of());

    private final List<Parameter> parameters;

    private QueryParameters(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        List<Parameter> list = new ArrayList<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? rawQuery.length() : amp;
            if (end > start) {
                String component = rawQuery.substring(start, end);
                int eq = component.indexOf('=');
                String rawName = eq < 0 ? component : component.substring(0, eq);
                String rawValue = eq < 0 ? "" : component.substring(eq + 1);
                list.add(new Parameter(rawName, rawValue,
                        UriEncoding.decodeQueryComponent(rawName), UriEncoding.decodeQueryComponent(rawValue)));
            }
            start = end + 1;
        }
        return new QueryParameters(Collections.unmodifiableList(list));
    }

    List<Parameter> all() {
        return parameters;
    }

    boolean isEmpty() {
        return parameters.isEmpty();
    }

    boolean contains(String name) {
        return count(name) > 0;
    }

    int count(String name) {
        int n = 0;
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                n++;
            }
        }
        return n;
    }

    /** The decoded value of the first parameter called {@code name}, or {@code null}. */
    String first(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        return null;
    }

    /**
     * The SigV4 canonical query string: every parameter (except one named {@code excluded}, the presigned
     * signature) with name and value canonically encoded, sorted by encoded name then encoded value, joined by
     * {@code &}, each as {@code name=value} even when the value is empty.
     */
    String canonical(String excluded) {
        if (parameters.isEmpty()) {
            return "";
        }
        List<String[]> encoded = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            if (excluded != null && p.name().equals(excluded)) {
                continue;
            }
            encoded.add(new String[] {
                UriEncoding.canonicalQueryComponent(p.rawName()), UriEncoding.canonicalQueryComponent(p.rawValue())
            });
        }
        encoded.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder out = new StringBuilder();
        for (String[] pair : encoded) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }
}
