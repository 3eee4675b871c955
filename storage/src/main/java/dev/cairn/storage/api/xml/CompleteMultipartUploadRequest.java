package dev.cairn.storage.api.xml;

import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.object.CompletePart;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The body of CompleteMultipartUpload: {@code <CompleteMultipartUpload><Part><PartNumber/><ETag/>
 * <ChecksumCRC32/>...</Part>...</CompleteMultipartUpload>}. 1..10000 parts, each with a PartNumber (an integer)
 * and an ETag; anything else is MalformedXML. ETags lose their quotes. Order and existence of the parts are the
 * ObjectLayer's to check (InvalidPartOrder, InvalidPart); checksum values are checked against the stored parts by
 * the handler.
 */
public record CompleteMultipartUploadRequest(List<Part> parts) {

    /** A part as listed by the client; {@code checksums} holds the base64 values given, by algorithm. */
    public record Part(int partNumber, String etag, Map<ChecksumAlgorithm, String> checksums) {
        public Part {
            checksums = checksums.isEmpty() ? Map.of() : new EnumMap<>(checksums);
        }
    }

    public static final int MAX_PARTS = 10_000;
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    public CompleteMultipartUploadRequest {
        parts = List.copyOf(parts);
    }

    /** An absent body is MalformedXML too: S3 answers so for a completion that lists no parts at all. */
    public static CompleteMultipartUploadRequest parse(InputStream body) {
        XmlElement root = XmlReader.parse(body, MAX_BODY_BYTES);
        if (root == null) {
            throw new MalformedXmlException("CompleteMultipartUpload without a body");
        }
        XmlReader.requireRoot(root, "CompleteMultipartUpload");
        List<XmlElement> entries = root.children("Part");
        if (entries.isEmpty() || entries.size() > MAX_PARTS) {
            throw new MalformedXmlException("CompleteMultipartUpload has " + entries.size() + " parts");
        }
        List<Part> parts = new ArrayList<>(entries.size());
        for (XmlElement p : entries) {
            if (p.child("PartNumber") == null) {
                throw new MalformedXmlException("Part lacks PartNumber");
            }
            int number = p.childInt("PartNumber", 0);
            String etag = unquote(p.requiredText("ETag"));
            Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(ChecksumAlgorithm.class);
            for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
                String v = p.childText(a.xmlElement());
                if (v != null) {
                    checksums.put(a, v.strip());
                }
            }
            parts.add(new Part(number, etag, checksums));
        }
        return new CompleteMultipartUploadRequest(parts);
    }

    /** The parts as the ObjectLayer takes them. */
    public List<CompletePart> toCompleteParts() {
        List<CompletePart> out = new ArrayList<>(parts.size());
        for (Part p : parts) {
            out.add(new CompletePart(p.partNumber(), p.etag()));
        }
        return out;
    }

    /** An ETag without surrounding whitespace and double quotes (clients send it quoted, as they received it). */
    static String unquote(String etag) {
        String e = etag.strip();
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e;
    }
}
