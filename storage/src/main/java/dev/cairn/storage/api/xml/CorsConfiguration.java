package dev.cairn.storage.api.xml;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A bucket's CORS configuration (PutBucketCors, GetBucketCors), validated as S3 does: 1..100 rules; each with at
 * least one AllowedMethod and one AllowedOrigin (else MalformedXML); methods among GET, PUT, HEAD, POST, DELETE and
 * at most one {@code *} in an origin or allowed header (else InvalidRequest); MaxAgeSeconds an integer (else
 * MalformedXML); an ID of at most 255 characters. Store {@link #toXml()}, which is also GetBucketCors' answer.
 */
public record CorsConfiguration(List<Rule> rules) {

    /** One CORSRule; {@code id} and {@code maxAgeSeconds} null when absent. */
    public record Rule(String id, List<String> allowedMethods, List<String> allowedOrigins,
                       List<String> allowedHeaders, List<String> exposeHeaders, Integer maxAgeSeconds) {
        public Rule {
            allowedMethods = List.copyOf(allowedMethods);
            allowedOrigins = List.copyOf(allowedOrigins);
            allowedHeaders = List.copyOf(allowedHeaders);
            exposeHeaders = List.copyOf(exposeHeaders);
        }
    }

    public static final int MAX_RULES = 100;
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> METHODS = Set.of("GET", "PUT", "HEAD", "POST", "DELETE");

    public CorsConfiguration {
        rules = List.copyOf(rules);
    }

    public static CorsConfiguration parse(InputStream body) {
        XmlElement root = XmlReader.parseRequired(body, MAX_BODY_BYTES, "CORSConfiguration");
        List<XmlElement> entries = root.children("CORSRule");
        if (entries.isEmpty() || entries.size() > MAX_RULES) {
            throw new MalformedXmlException("CORSConfiguration has " + entries.size() + " rules");
        }
        List<Rule> rules = new ArrayList<>();
        for (XmlElement r : entries) {
            rules.add(parseRule(r));
        }
        return new CorsConfiguration(rules);
    }

    public byte[] toXml() {
        XmlWriter w = XmlWriter.s3Document("CORSConfiguration");
        for (Rule r : rules) {
            w.start("CORSRule").optional("ID", r.id());
            r.allowedHeaders().forEach(h -> w.element("AllowedHeader", h));
            r.allowedMethods().forEach(m -> w.element("AllowedMethod", m));
            r.allowedOrigins().forEach(o -> w.element("AllowedOrigin", o));
            r.exposeHeaders().forEach(h -> w.element("ExposeHeader", h));
            if (r.maxAgeSeconds() != null) {
                w.element("MaxAgeSeconds", r.maxAgeSeconds());
            }
            w.end();
        }
        return w.finish();
    }

    private static Rule parseRule(XmlElement r) {
        String id = r.childText("ID");
        if (id != null && id.length() > 255) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "The ID of a CORSRule can be at most 255 characters.");
        }
        List<String> methods = texts(r, "AllowedMethod");
        List<String> origins = texts(r, "AllowedOrigin");
        if (methods.isEmpty() || origins.isEmpty()) {
            throw new MalformedXmlException("CORSRule needs AllowedMethod and AllowedOrigin");
        }
        for (String m : methods) {
            if (!METHODS.contains(m)) {
                throw new S3Exception(S3Error.INVALID_REQUEST,
                        "Found unsupported HTTP method in CORS config. Unsupported method is " + m);
            }
        }
        for (String o : origins) {
            requireOneWildcard("AllowedOrigin", o);
        }
        List<String> headers = texts(r, "AllowedHeader");
        for (String h : headers) {
            requireOneWildcard("AllowedHeader", h);
        }
        Integer maxAge = r.child("MaxAgeSeconds") == null ? null : r.childInt("MaxAgeSeconds", 0);
        return new Rule(id, methods, origins, headers, texts(r, "ExposeHeader"), maxAge);
    }

    private static void requireOneWildcard(String element, String value) {
        if (value.indexOf('*') != value.lastIndexOf('*')) {
            throw new S3Exception(S3Error.INVALID_REQUEST,
                    element + " \"" + value + "\" can not have more than one wildcard.");
        }
    }

    private static List<String> texts(XmlElement parent, String name) {
        List<String> out = new ArrayList<>();
        for (XmlElement e : parent.children(name)) {
            out.add(e.text().strip());
        }
        return out;
    }
}
