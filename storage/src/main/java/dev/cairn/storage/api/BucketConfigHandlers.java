package dev.cairn.storage.api;

import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.api.checksum.ChecksumType;
import dev.cairn.storage.api.checksum.ChecksumValue;
import dev.cairn.storage.api.xml.ObjectAttributesXml;
import dev.cairn.storage.api.xml.ServerSideEncryptionConfiguration;
import dev.cairn.storage.object.ObjectInfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Default bucket encryption configuration (stored and returned; applied by the SSE work) and
 * GetObjectAttributes.
 */
final class BucketConfigHandlers {
    static final String ENCRYPTION = "encryption";

    void getEncryption(S3Call call) {
        byte[] stored = call.layer.getBucketMeta(call.bucket(), ENCRYPTION);
        if (stored == null) {
            throw new S3Exception(S3Error.SERVER_SIDE_ENCRYPTION_CONFIGURATION_NOT_FOUND,
                    "The server side encryption configuration was not found");
        }
        call.xml(200, stored);
    }

    void putEncryption(S3Call call) throws IOException {
        call.layer.getBucketInfo(call.bucket());
        byte[] body = call.body().readNBytes(64 * 1024 + 1);
        ServerSideEncryptionConfiguration.parse(new ByteArrayInputStream(body)); // validates
        call.layer.setBucketMeta(call.bucket(), ENCRYPTION, body);
        call.empty(200);
    }

    void deleteEncryption(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.layer.setBucketMeta(call.bucket(), ENCRYPTION, null);
        call.empty(204);
    }

    void getObjectAttributes(S3Call call) {
        Set<ObjectAttributesXml.Attribute> wanted = ObjectAttributesXml.Attribute.parse(
                call.request().headers().getAll("x-amz-object-attributes"));
        String versionId = ObjectRequests.versionId(call.request());
        ObjectInfo info = call.layer.getObjectInfo(call.bucket(), call.key(), versionId);
        ChecksumValue checksum = UploadChecksums.of(info);
        ObjectAttributesXml.Parts parts = null;
        if (info.multipart()) {
            // GetObjectAttributes pages parts by headers, not query parameters
            int max = maxParts(call.request().header("x-amz-max-parts"));
            String markerHeader = call.request().header("x-amz-part-number-marker");
            int marker = markerHeader == null ? 0 : PartRanges.parsePartNumber(markerHeader);
            List<ObjectAttributesXml.Part> page = new ArrayList<>();
            for (int n = marker + 1; n <= info.partCount() && page.size() < max; n++) {
                page.add(new ObjectAttributesXml.Part(n, info.partSizes().get(n - 1),
                        UploadChecksums.partForAttributes(info, n)));
            }
            int last = page.isEmpty() ? marker : page.get(page.size() - 1).partNumber();
            ChecksumAlgorithm partAlgorithm = checksum != null && checksum.type() == ChecksumType.COMPOSITE
                    ? checksum.algorithm() : null;
            parts = new ObjectAttributesXml.Parts(info.partCount(), marker, last, max, last < info.partCount(),
                    partAlgorithm, page);
        }
        call.header("Last-Modified", dev.cairn.storage.api.http.Preconditions.httpDate(info.modTime()));
        if (versionId != null || !"null".equals(info.versionId())) {
            call.header("x-amz-version-id", info.versionId());
        }
        call.xml(200, ObjectAttributesXml.toXml(new ObjectAttributesXml.Attributes(info.etag(), checksum, parts,
                info.storageClass(), info.size()), wanted));
    }

    private static int maxParts(String header) {
        if (header == null) {
            return ListingHandlers.MAX_KEYS;
        }
        try {
            int n = Integer.parseInt(header.strip());
            if (n >= 0) {
                return Math.min(n, ListingHandlers.MAX_KEYS);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw S3Exception.invalidArgument("x-amz-max-parts must be a non-negative integer", "x-amz-max-parts", header);
    }
}
