package dev.cairn.storage.api.xml;

import static dev.cairn.storage.api.xml.ListingXml.orEmpty;
import static dev.cairn.storage.api.xml.ListingXml.quote;
import static dev.cairn.storage.api.xml.ListingXml.storageClass;

import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.api.checksum.ChecksumType;
import dev.cairn.storage.api.checksum.ChecksumValue;
import dev.cairn.storage.object.ListPartsResult;
import dev.cairn.storage.object.ListUploadsResult;
import dev.cairn.storage.object.MultipartUpload;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.UploadedPart;
import java.time.Instant;
import java.util.Map;

/**
 * Response documents of multipart uploads: InitiateMultipartUploadResult, CompleteMultipartUploadResult,
 * ListPartsResult, ListMultipartUploadsResult and CopyPartResult.
 */
public final class MultipartXml {

    /** The parameters of a ListMultipartUploads request; null for those not given. */
    public record UploadsRequest(String bucket, String prefix, String delimiter, String keyMarker,
                                 String uploadIdMarker, int maxUploads, EncodingType encoding) {
    }

    /** The parameters of a ListParts request. */
    public record PartsRequest(String bucket, String key, String uploadId, int partNumberMarker, int maxParts,
                               EncodingType encoding) {
    }

    /**
     * The checksum an upload was created with and the parts' values, for ListParts: {@code partValues} maps part
     * numbers to base64 values (parts uploaded without one are absent).
     */
    public record UploadChecksums(ChecksumAlgorithm algorithm, ChecksumType type, Map<Integer, String> partValues) {
    }

    private MultipartXml() {
    }

    public static byte[] initiate(String bucket, String key, String uploadId) {
        return XmlWriter.s3Document("InitiateMultipartUploadResult")
                .element("Bucket", bucket)
                .element("Key", key)
                .element("UploadId", uploadId)
                .finish();
    }

    /**
     * CompleteMultipartUpload's answer: {@code location} is the object's URL; {@code checksum} null when the upload
     * had none.
     */
    public static byte[] complete(String location, ObjectInfo object, ChecksumValue checksum) {
        XmlWriter w = XmlWriter.s3Document("CompleteMultipartUploadResult")
                .element("Location", location)
                .element("Bucket", object.bucket())
                .element("Key", object.key())
                .element("ETag", quote(object.etag()));
        if (checksum != null) {
            w.element(checksum.algorithm().xmlElement(), checksum.value())
                    .element("ChecksumType", checksum.type().name());
        }
        return w.finish();
    }

    /** UploadPartCopy's answer; {@code checksum} null for none. */
    public static byte[] copyPartResult(String etag, Instant lastModified, ChecksumValue checksum) {
        return ObjectXml.copyResult("CopyPartResult", etag, lastModified, checksum);
    }

    /** ListParts; {@code checksums} null when the upload has no checksum algorithm. */
    /** Who started an upload and who its object will belong to. */
    public record Parties(Owner initiator, Owner owner) {
        void write(XmlWriter w) {
            initiator.write(w, "Initiator");
            owner.write(w, "Owner");
        }
    }

    public static byte[] listParts(PartsRequest q, ListPartsResult page, Parties parties, UploadChecksums checksums) {
        MultipartUpload u = page.upload();
        EncodingType enc = q.encoding();
        XmlWriter w = XmlWriter.s3Document("ListPartsResult")
                .element("Bucket", q.bucket())
                .element("Key", enc.apply(q.key()))
                .element("UploadId", q.uploadId());
        parties.write(w);
        w.element("StorageClass", storageClass(u == null ? null : u.storageClass()));
        if (checksums != null) {
            w.element("ChecksumAlgorithm", checksums.algorithm().wireName())
                    .element("ChecksumType", checksums.type().name());
        }
        w.element("PartNumberMarker", q.partNumberMarker())
                .element("NextPartNumberMarker", page.nextPartNumberMarker())
                .element("MaxParts", q.maxParts())
                .element("IsTruncated", page.truncated());
        for (UploadedPart p : page.parts()) {
            w.start("Part")
                    .element("PartNumber", p.partNumber())
                    .element("LastModified", p.lastModified())
                    .element("ETag", quote(p.etag()))
                    .element("Size", p.size());
            if (checksums != null) {
                w.optional(checksums.algorithm().xmlElement(), checksums.partValues().get(p.partNumber()));
            }
            w.end();
        }
        enc.write(w);
        return w.finish();
    }

    /** ListMultipartUploads; each upload names {@code parties}' answer for it as initiator and owner. */
    public static byte[] listUploads(UploadsRequest q, ListUploadsResult page,
                                     java.util.function.Function<MultipartUpload, Parties> parties) {
        EncodingType enc = q.encoding();
        XmlWriter w = XmlWriter.s3Document("ListMultipartUploadsResult")
                .element("Bucket", q.bucket())
                .element("KeyMarker", enc.apply(orEmpty(q.keyMarker())))
                .element("UploadIdMarker", orEmpty(q.uploadIdMarker()))
                .element("NextKeyMarker", enc.apply(page.truncated() ? orEmpty(page.nextKeyMarker()) : ""))
                .element("NextUploadIdMarker", page.truncated() ? orEmpty(page.nextUploadIdMarker()) : "")
                .optional("Delimiter", enc.apply(q.delimiter()))
                .element("Prefix", enc.apply(orEmpty(q.prefix())))
                .element("MaxUploads", q.maxUploads())
                .element("IsTruncated", page.truncated());
        for (MultipartUpload u : page.uploads()) {
            w.start("Upload")
                    .element("Key", enc.apply(u.key()))
                    .element("UploadId", u.uploadId());
            parties.apply(u).write(w);
            w.element("StorageClass", storageClass(u.storageClass()))
                    .element("Initiated", u.initiated())
                    .end();
        }
        for (String p : page.commonPrefixes()) {
            w.start("CommonPrefixes").element("Prefix", enc.apply(p)).end();
        }
        enc.write(w);
        return w.finish();
    }
}
