package dev.cairn.storage.api.xml;

import dev.cairn.storage.api.S3Exception;
import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.api.checksum.ChecksumValue;
import dev.cairn.storage.object.StorageClass;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GetObjectAttributesResponse: only the attributes asked for in {@code x-amz-object-attributes}, in S3's order
 * (ETag, Checksum, ObjectParts, StorageClass, ObjectSize). Unlike everywhere else S3 writes this ETag without
 * quotes, and the Checksum without a composite {@code -N} suffix.
 */
public final class ObjectAttributesXml {

    /** The values of {@code x-amz-object-attributes}. */
    public enum Attribute {
        ETAG("ETag"),
        CHECKSUM("Checksum"),
        OBJECT_PARTS("ObjectParts"),
        STORAGE_CLASS("StorageClass"),
        OBJECT_SIZE("ObjectSize");

        private final String wireName;

        Attribute(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /**
         * The comma-separated header value(s) (names in any case, surrounding spaces allowed); an unknown name or
         * none at all is InvalidArgument.
         */
        public static Set<Attribute> parse(List<String> headerValues) {
            Set<Attribute> out = EnumSet.noneOf(Attribute.class);
            for (String value : headerValues) {
                for (String name : value.split(",")) {
                    String n = name.strip();
                    if (n.isEmpty()) {
                        continue;
                    }
                    out.add(byName(n));
                }
            }
            if (out.isEmpty()) {
                throw S3Exception.invalidArgument("Invalid attribute name specified.", "x-amz-object-attributes", "");
            }
            return out;
        }

        private static Attribute byName(String n) {
            for (Attribute a : values()) {
                if (a.wireName.toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))) {
                    return a;
                }
            }
            throw S3Exception.invalidArgument("Invalid attribute name specified.", "x-amz-object-attributes", n);
        }
    }

    /**
     * What is known of the object. {@code checksum} and {@code parts} null when it has none (parts: not a
     * multipart object).
     */
    public record Attributes(String etag, ChecksumValue checksum, Parts parts, StorageClass storageClass,
                             long objectSize) {
    }

    /**
     * One page of the object's parts: {@code algorithm} names the per-part values (null for none); an entry's
     * {@code checksum} is base64 or null.
     */
    public record Parts(int totalPartsCount, int partNumberMarker, int nextPartNumberMarker, int maxParts,
                        boolean truncated, ChecksumAlgorithm algorithm, List<Part> parts) {
    }

    public record Part(int partNumber, long size, String checksum) {
    }

    private ObjectAttributesXml() {
    }

    public static byte[] toXml(Attributes a, Set<Attribute> requested) {
        XmlWriter w = XmlWriter.s3Document("GetObjectAttributesResponse");
        if (requested.contains(Attribute.ETAG)) {
            w.element("ETag", a.etag());
        }
        if (requested.contains(Attribute.CHECKSUM) && a.checksum() != null) {
            ChecksumValue c = a.checksum();
            w.start("Checksum")
                    .element(c.algorithm().xmlElement(), c.valueWithoutPartCount())
                    .element("ChecksumType", c.type().name())
                    .end();
        }
        if (requested.contains(Attribute.OBJECT_PARTS) && a.parts() != null) {
            writeParts(w, a.parts());
        }
        if (requested.contains(Attribute.STORAGE_CLASS)) {
            w.element("StorageClass", ListingXml.storageClass(a.storageClass()));
        }
        if (requested.contains(Attribute.OBJECT_SIZE)) {
            w.element("ObjectSize", a.objectSize());
        }
        return w.finish();
    }

    private static void writeParts(XmlWriter w, Parts p) {
        w.start("ObjectParts")
                .element("PartsCount", p.totalPartsCount())
                .element("PartNumberMarker", p.partNumberMarker())
                .element("NextPartNumberMarker", p.nextPartNumberMarker())
                .element("MaxParts", p.maxParts())
                .element("IsTruncated", p.truncated());
        for (Part part : p.parts()) {
            w.start("Part").element("PartNumber", part.partNumber()).element("Size", part.size());
            if (p.algorithm() != null) {
                w.optional(p.algorithm().xmlElement(), part.checksum());
            }
            w.end();
        }
        w.end();
    }
}
