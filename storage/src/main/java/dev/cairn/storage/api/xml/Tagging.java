package dev.cairn.storage.api.xml;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tag set, from a {@code <Tagging>} body (PutObjectTagging, PutBucketTagging) or an {@code x-amz-tagging} header,
 * validated as S3 does: at most 10 tags on an object and 50 on a bucket, keys of 1..128 and values of 0..256
 * characters (Unicode code points), no key twice; a violation is InvalidTag. The tags keep their order.
 */
public record Tagging(List<Tag> tags) {

    public record Tag(String key, String value) {
    }

    /** What is tagged: the limits differ. */
    public enum Scope {
        OBJECT(10),
        BUCKET(50);

        private final int maxTags;

        Scope(int maxTags) {
            this.maxTags = maxTags;
        }

        public int maxTags() {
            return maxTags;
        }
    }

    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    /** Generous for 50 tags of maximal, fully escaped keys and values. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    public Tagging {
        tags = List.copyOf(tags);
    }

    /** A {@code <Tagging><TagSet><Tag><Key/><Value/></Tag>...</TagSet></Tagging>} body. */
    public static Tagging parse(InputStream body, Scope scope) {
        XmlElement root = XmlReader.parseRequired(body, MAX_BODY_BYTES, "Tagging");
        XmlElement tagSet = root.child("TagSet");
        if (tagSet == null) {
            throw new MalformedXmlException("Tagging lacks TagSet");
        }
        List<Tag> tags = new ArrayList<>();
        for (XmlElement t : tagSet.children("Tag")) {
            String value = t.childText("Value");
            tags.add(new Tag(t.requiredText("Key"), value == null ? "" : value));
        }
        return validated(tags, scope);
    }

    /** The {@code x-amz-tagging} header: URL-query form {@code k1=v1&k2=v2}; an empty header is no tags. */
    public static Tagging fromHeader(String header, Scope scope) {
        List<Tag> tags = new ArrayList<>();
        if (header != null && !header.isEmpty()) {
            for (String pair : header.split("&", -1)) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                try {
                    tags.add(new Tag(URLDecoder.decode(k, StandardCharsets.UTF_8),
                            URLDecoder.decode(v, StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException e) {
                    throw new S3Exception(S3Error.INVALID_ARGUMENT, "The header 'x-amz-tagging' shall be encoded"
                            + " as UTF-8 then URLEncoded URL query parameters without tag name duplicates.", e);
                }
            }
        }
        return validated(tags, scope);
    }

    /** The tags as a map, in order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Tag t : tags) {
            m.put(t.key(), t.value());
        }
        return m;
    }

    /** The {@code x-amz-tagging} form ({@link #fromHeader} reads it back): how tags are stored with an object. */
    public String toHeader() {
        StringBuilder b = new StringBuilder();
        for (Tag t : tags) {
            if (!b.isEmpty()) {
                b.append('&');
            }
            b.append(java.net.URLEncoder.encode(t.key(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(t.value(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    public byte[] toXml() {
        return ObjectXml.tagging(this);
    }

    private static Tagging validated(List<Tag> tags, Scope scope) {
        if (tags.size() > scope.maxTags()) {
            throw invalidTag(scope == Scope.OBJECT ? "Object tags cannot be greater than " + scope.maxTags()
                    : "Bucket tag count cannot be greater than " + scope.maxTags());
        }
        Set<String> keys = new HashSet<>();
        for (Tag t : tags) {
            int keyLength = t.key().codePointCount(0, t.key().length());
            if (keyLength == 0) {
                throw invalidTag("The TagKey you have provided is invalid");
            }
            if (keyLength > MAX_KEY_LENGTH) {
                throw invalidTag("The TagKey you have provided is too long, max " + MAX_KEY_LENGTH);
            }
            if (t.value().codePointCount(0, t.value().length()) > MAX_VALUE_LENGTH) {
                throw invalidTag("The TagValue you have provided is too long, max " + MAX_VALUE_LENGTH);
            }
            if (!keys.add(t.key())) {
                throw invalidTag("Cannot provide multiple Tags with the same key");
            }
        }
        return new Tagging(tags);
    }

    private static S3Exception invalidTag(String message) {
        return new S3Exception(S3Error.INVALID_TAG, message);
    }
}
