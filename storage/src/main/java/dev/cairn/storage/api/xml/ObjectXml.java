package dev.cairn.storage.api.xml;

import static dev.cairn.storage.api.xml.ListingXml.quote;

import dev.cairn.storage.api.ErrorMapper;
import dev.cairn.storage.api.S3Exception;
import dev.cairn.storage.api.checksum.ChecksumValue;
import dev.cairn.storage.object.DeleteOutcome;
import dev.cairn.storage.object.DeleteResult;
import dev.cairn.storage.object.ObjectToDelete;
import java.time.Instant;
import java.util.List;

/** Response documents about objects: CopyObjectResult, DeleteResult and Tagging. */
public final class ObjectXml {

    private ObjectXml() {
    }

    /** CopyObject's answer; {@code checksum} null for none. */
    public static byte[] copyObjectResult(String etag, Instant lastModified, ChecksumValue checksum) {
        return copyResult("CopyObjectResult", etag, lastModified, checksum);
    }

    static byte[] copyResult(String root, String etag, Instant lastModified, ChecksumValue checksum) {
        XmlWriter w = XmlWriter.s3Document(root)
                .element("LastModified", lastModified)
                .element("ETag", quote(etag));
        if (checksum != null) {
            w.element("ChecksumType", checksum.type().name())
                    .element(checksum.algorithm().xmlElement(), checksum.value());
        }
        return w.finish();
    }

    /**
     * DeleteObjects' answer, entries in the order given. A success is {@code <Deleted>}: the version id when one was
     * asked for, and DeleteMarker/DeleteMarkerVersionId when a marker was created or removed. A failure is
     * {@code <Error>} with the key, the version asked for, and the S3 code and message of the ObjectLayer error. In
     * quiet mode only the failures are listed.
     */
    public static byte[] deleteResult(List<DeleteOutcome> outcomes, boolean quiet) {
        XmlWriter w = XmlWriter.s3Document("DeleteResult");
        for (DeleteOutcome o : outcomes) {
            ObjectToDelete target = o.target();
            if (o.error() != null) {
                S3Exception e = ErrorMapper.from(o.error());
                w.start("Error")
                        .element("Key", target.key())
                        .optional("VersionId", target.versionId())
                        .element("Code", e.code())
                        .element("Message", e.getMessage())
                        .end();
            } else if (!quiet) {
                DeleteResult r = o.result();
                w.start("Deleted")
                        .element("Key", target.key())
                        .optional("VersionId", target.versionId());
                if (r != null && r.deleteMarker()) {
                    w.element("DeleteMarker", true).element("DeleteMarkerVersionId", r.versionId());
                }
                w.end();
            }
        }
        return w.finish();
    }

    /** GetObjectTagging / GetBucketTagging. */
    /** A tag set, in key order: S3 keeps tags as a set and reports them sorted, whatever order they came in. */
    public static byte[] tagging(Tagging tagging) {
        XmlWriter w = XmlWriter.s3Document("Tagging").start("TagSet");
        for (Tagging.Tag t : tagging.tags().stream().sorted(java.util.Comparator.comparing(Tagging.Tag::key))
                .toList()) {
            w.start("Tag").element("Key", t.key()).element("Value", t.value()).end();
        }
        return w.end().finish();
    }
}
