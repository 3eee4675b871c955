package dev.cairn.storage.api.xml;

import dev.cairn.storage.object.ListResult;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.StorageClass;

import java.util.function.Function;

/**
 * The three bucket listings: ListBucketResult of ListObjects (v1) and ListObjectsV2, and ListVersionsResult.
 * Each echoes the request's parameters (the records below) and writes one page of an ObjectLayer listing.
 *
 * <p>Under {@code encoding-type=url} the keys, prefixes, markers and the delimiter are URL-encoded here (tokens
 * and version ids are not, as in S3); the caller passes them as received.
 */
public final class ListingXml {

    /** The parameters of a ListObjects (v1) request; null for those not given. */
    public record V1Request(String bucket, String prefix, String delimiter, String marker, int maxKeys,
                            EncodingType encoding) {
    }

    /** The parameters of a ListObjectsV2 request; null for those not given. */
    public record V2Request(String bucket, String prefix, String delimiter, String startAfter,
                            String continuationToken, int maxKeys, EncodingType encoding, boolean fetchOwner) {
    }

    /** The parameters of a ListObjectVersions request; null for those not given. */
    public record VersionsRequest(String bucket, String prefix, String delimiter, String keyMarker,
                                  String versionIdMarker, int maxKeys, EncodingType encoding) {
    }

    private ListingXml() {
    }

    /**
     * ListObjects (v1). NextMarker is written only when the page is truncated and a delimiter was given (without
     * one, clients continue after the last key, as S3 documents). Every entry names its {@code owner}; null for none.
     */
    public static byte[] listObjectsV1(V1Request q, ListResult page, Function<ObjectInfo, Owner> owner) {
        EncodingType enc = q.encoding();
        // v1's Prefix is echoed as given even under encoding-type=url: S3 does so, and SDKs decode only the
        // Delimiter, Marker, NextMarker, keys and common prefixes of a v1 listing
        XmlWriter w = XmlWriter.s3Document("ListBucketResult")
                .element("Name", q.bucket())
                .element("Prefix", orEmpty(q.prefix()))
                .element("Marker", enc.apply(orEmpty(q.marker())));
        if (page.truncated() && q.delimiter() != null && page.nextKeyMarker() != null) {
            w.element("NextMarker", enc.apply(page.nextKeyMarker()));
        }
        w.element("MaxKeys", q.maxKeys())
                .optional("Delimiter", enc.apply(q.delimiter()))
                .element("IsTruncated", page.truncated());
        writeContents(w, page, enc, owner);
        enc.write(w);
        return w.finish();
    }

    /**
     * ListObjectsV2. NextContinuationToken (a {@link ContinuationToken} of the page's next key marker) only when
     * truncated; owners only with {@code fetch-owner=true}.
     */
    public static byte[] listObjectsV2(V2Request q, ListResult page, Function<ObjectInfo, Owner> owner) {
        EncodingType enc = q.encoding();
        XmlWriter w = XmlWriter.s3Document("ListBucketResult")
                .element("Name", q.bucket())
                .element("Prefix", enc.apply(orEmpty(q.prefix())))
                .optional("ContinuationToken", q.continuationToken());
        if (page.truncated() && page.nextKeyMarker() != null) {
            w.element("NextContinuationToken", ContinuationToken.encode(page.nextKeyMarker()));
        }
        w.optional("StartAfter", enc.apply(q.startAfter()))
                .element("KeyCount", page.objects().size() + page.commonPrefixes().size())
                .element("MaxKeys", q.maxKeys())
                .optional("Delimiter", enc.apply(q.delimiter()))
                .element("IsTruncated", page.truncated());
        writeContents(w, page, enc, q.fetchOwner() ? owner : null);
        enc.write(w);
        return w.finish();
    }

    /**
     * ListObjectVersions: versions and delete markers interleaved in the page's order (keys ascending, newest
     * version first). NextKeyMarker and NextVersionIdMarker only when truncated.
     */
    public static byte[] listVersions(VersionsRequest q, ListResult page, Function<ObjectInfo, Owner> owner) {
        EncodingType enc = q.encoding();
        XmlWriter w = XmlWriter.s3Document("ListVersionsResult")
                .element("Name", q.bucket())
                .element("Prefix", enc.apply(orEmpty(q.prefix())))
                .element("KeyMarker", enc.apply(orEmpty(q.keyMarker())))
                .element("VersionIdMarker", orEmpty(q.versionIdMarker()));
        if (page.truncated()) {
            w.optional("NextKeyMarker", enc.apply(page.nextKeyMarker()))
                    .optional("NextVersionIdMarker", page.nextVersionMarker());
        }
        w.element("MaxKeys", q.maxKeys())
                .optional("Delimiter", enc.apply(q.delimiter()))
                .element("IsTruncated", page.truncated());
        for (ObjectInfo o : page.objects()) {
            w.start(o.deleteMarker() ? "DeleteMarker" : "Version")
                    .element("Key", enc.apply(o.key()))
                    .element("VersionId", o.versionId() == null ? ObjectInfo.NULL_VERSION_ID : o.versionId())
                    .element("IsLatest", o.latest())
                    .element("LastModified", o.modTime());
            if (!o.deleteMarker()) {
                w.element("ETag", quote(o.etag()))
                        .element("Size", o.size())
                        .element("StorageClass", storageClass(o.storageClass()));
            }
            if (owner != null) {
                owner.apply(o).write(w, "Owner");
            }
            w.end();
        }
        writeCommonPrefixes(w, page, enc);
        enc.write(w);
        return w.finish();
    }

    private static void writeContents(XmlWriter w, ListResult page, EncodingType enc,
                                      Function<ObjectInfo, Owner> owner) {
        for (ObjectInfo o : page.objects()) {
            w.start("Contents")
                    .element("Key", enc.apply(o.key()))
                    .element("LastModified", o.modTime())
                    .element("ETag", quote(o.etag()))
                    .element("Size", o.size())
                    .element("StorageClass", storageClass(o.storageClass()));
            if (owner != null) {
                owner.apply(o).write(w, "Owner");
            }
            w.end();
        }
        writeCommonPrefixes(w, page, enc);
    }

    private static void writeCommonPrefixes(XmlWriter w, ListResult page, EncodingType enc) {
        for (String p : page.commonPrefixes()) {
            w.start("CommonPrefixes").element("Prefix", enc.apply(p)).end();
        }
    }

    /** An ETag as S3 writes it in documents: in double quotes (escaped to {@code &quot;} by the writer). */
    static String quote(String etag) {
        return "\"" + etag + "\"";
    }

    static String storageClass(StorageClass c) {
        return (c == null ? StorageClass.STANDARD : c).name();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
