package dev.cairn.storage.api;

import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.api.checksum.ChecksumInputStream;
import dev.cairn.storage.api.checksum.ChecksumType;
import dev.cairn.storage.api.checksum.ChecksumValue;
import dev.cairn.storage.api.checksum.MultipartChecksums;
import dev.cairn.storage.api.xml.CompleteMultipartUploadRequest;
import dev.cairn.storage.api.xml.MultipartXml;
import dev.cairn.storage.object.MultipartUpload;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.UploadCompletion;
import dev.cairn.storage.object.UploadedPart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flexible checksums of multipart uploads. CreateMultipartUpload names the algorithm and type
 * ({@code x-amz-checksum-algorithm}, {@code x-amz-checksum-type}), kept in the upload's metadata; each part's checksum
 * is verified as it arrives (as a single PUT's is) and recorded with the part as {@code ALGORITHM:base64}; at
 * CompleteMultipartUpload the parts' checksums are checked against what the client lists and combined into the
 * object's checksum (COMPOSITE: the checksum of the part checksums, {@code base64-N}; FULL_OBJECT: the CRCs
 * combined), which the client's {@code x-amz-checksum-*} must equal (BadDigest). The object keeps its checksum, its
 * type and its parts' checksums, for HEAD/GET (also with {@code partNumber}) and GetObjectAttributes.
 */
final class UploadChecksums {
    /** The upload's algorithm, kept in the upload's metadata (and so the object's); never sent as a header. */
    static final String ALGORITHM_KEY = "x-cairn-checksum-algorithm";
    /** The object's parts' checksums, base64, comma-separated in part order. */
    static final String PART_CHECKSUMS_KEY = "x-cairn-part-checksums";

    private UploadChecksums() {
    }

    /**
     * CreateMultipartUpload: records the algorithm and type the request names (the type defaults as S3's does) in
     * the upload's metadata and answers them in headers; an algorithm that cannot have the type is InvalidRequest.
     */
    static void onCreate(S3Call call, Map<String, String> metadata) {
        String algorithmHeader = call.request().header("x-amz-checksum-algorithm");
        String typeHeader = call.request().header("x-amz-checksum-type");
        if (algorithmHeader == null) {
            if (typeHeader != null) {
                throw new S3Exception(S3Error.INVALID_REQUEST,
                        "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
            }
            return;
        }
        ChecksumAlgorithm a = ChecksumAlgorithm.parse(algorithmHeader);
        ChecksumType type = typeHeader == null ? ChecksumType.defaultFor(a) : ChecksumType.parse(typeHeader);
        if (!a.supports(type)) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "The " + type.name() + " checksum type cannot be used with"
                    + " the " + a.wireName().toLowerCase(java.util.Locale.ROOT) + " checksum algorithm.");
        }
        metadata.put(ALGORITHM_KEY, a.wireName());
        metadata.put(ChecksumRequests.TYPE_KEY, type.name());
        call.header("x-amz-checksum-algorithm", a.wireName()).header(ChecksumRequests.TYPE_KEY, type.name());
    }

    /** What a part records of its verified checksum, asked once its body has been read; null for none. */
    static java.util.function.Supplier<String> partChecksum(ChecksumInputStream checked) {
        return () -> checked == null ? null : checked.algorithm().wireName() + ":" + checked.digestBase64();
    }

    /** A part's recorded checksum in {@code algorithm}, or null when it has none in that algorithm. */
    private static String partValue(UploadedPart p, ChecksumAlgorithm algorithm) {
        String prefix = algorithm.wireName() + ":";
        return p.checksum() != null && p.checksum().startsWith(prefix) ? p.checksum().substring(prefix.length()) : null;
    }

    /** The upload's algorithm and type, or null when it was created without one. */
    private static ChecksumValue.Kind kindOf(Map<String, String> uploadMetadata) {
        String a = uploadMetadata.get(ALGORITHM_KEY);
        return a == null ? null : new ChecksumValue.Kind(ChecksumAlgorithm.parse(a),
                ChecksumType.parse(uploadMetadata.get(ChecksumRequests.TYPE_KEY)));
    }

    /** ListParts' checksum elements: the upload's algorithm and type, and the listed parts' values. */
    static MultipartXml.UploadChecksums forListing(MultipartUpload u, List<UploadedPart> parts) {
        ChecksumValue.Kind kind = u == null ? null : kindOf(u.metadata());
        if (kind == null) {
            return null;
        }
        Map<Integer, String> values = new HashMap<>();
        for (UploadedPart p : parts) {
            String v = partValue(p, kind.algorithm());
            if (v != null) {
                values.put(p.partNumber(), v);
            }
        }
        return new MultipartXml.UploadChecksums(kind.algorithm(), kind.type(), values);
    }

    /**
     * What completing an upload adds to the object: its checksum, checked against the parts and the client's
     * ({@code header} looks a request header up by name).
     */
    static UploadCompletion completion(java.util.function.Function<String, String> header,
                                       CompleteMultipartUploadRequest request) {
        Map<Integer, Map<ChecksumAlgorithm, String>> listed = new HashMap<>();
        for (CompleteMultipartUploadRequest.Part p : request.parts()) {
            listed.put(p.partNumber(), p.checksums());
        }
        return (uploadMetadata, parts) -> {
            ChecksumValue.Kind kind = kindOf(uploadMetadata);
            if (kind == null) {
                return Map.of();
            }
            ChecksumAlgorithm a = kind.algorithm();
            List<String> values = new ArrayList<>(parts.size());
            List<MultipartChecksums.Part> raw = new ArrayList<>(parts.size());
            for (UploadedPart p : parts) {
                String sent = listed.getOrDefault(p.partNumber(), Map.of()).get(a);
                if (sent == null) {
                    throw new S3Exception(S3Error.INVALID_REQUEST, "The upload was created using a "
                            + a.wireName().toLowerCase(java.util.Locale.ROOT) + " checksum. The complete request must "
                            + "include the checksum for each part. It was missing for part " + p.partNumber()
                            + " in the request.");
                }
                String stored = partValue(p, a);
                if (stored == null || !stored.equals(sent)) {
                    throw new S3Exception(S3Error.INVALID_PART, "The " + a.wireName() + " checksum of part "
                            + p.partNumber() + " is not the one the part was uploaded with.");
                }
                values.add(stored);
                raw.add(new MultipartChecksums.Part(a.decode(stored), p.size()));
            }
            String value = kind.type() == ChecksumType.COMPOSITE
                    ? MultipartChecksums.composite(a, raw.stream().map(MultipartChecksums.Part::checksum).toList())
                    : MultipartChecksums.fullObjectBase64(a, raw);
            String claimed = header.apply(a.headerName());
            if (claimed != null && !claimed.strip().equals(value)) {
                throw new S3Exception(S3Error.BAD_DIGEST, "The " + a.wireName() + " you specified did not match the "
                        + "calculated checksum.");
            }
            return Map.of(a.headerName(), value, ChecksumRequests.TYPE_KEY, kind.type().name(), PART_CHECKSUMS_KEY,
                    String.join(",", values));
        };
    }

    /** Drops every checksum entry from an object's metadata. */
    static void forget(Map<String, String> metadata) {
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            metadata.remove(a.headerName());
        }
        metadata.remove(ChecksumRequests.TYPE_KEY);
        metadata.remove(ALGORITHM_KEY);
        metadata.remove(PART_CHECKSUMS_KEY);
    }

    /** The object's stored checksum with its type, or null when it has none. */
    static ChecksumValue of(ObjectInfo info) {
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String v = info.metadata().get(a.headerName());
            if (v != null) {
                String type = info.metadata().get(ChecksumRequests.TYPE_KEY);
                return new ChecksumValue(a, v, type == null ? ChecksumType.FULL_OBJECT : ChecksumType.parse(type));
            }
        }
        return null;
    }

    /**
     * The checksum of part {@code n} of a multipart object, as GET/HEAD with {@code partNumber} reports it: its own
     * for a COMPOSITE object; for a FULL_OBJECT one only when it is the whole object (one part), since a part's CRC
     * is not kept apart from the combined one. Null when there is none to report.
     */
    static ChecksumValue ofPart(ObjectInfo info, int n) {
        ChecksumValue whole = of(info);
        if (whole == null || !info.multipart()) {
            return whole;
        }
        if (whole.type() == ChecksumType.FULL_OBJECT) {
            return info.partCount() == 1 ? whole : null;
        }
        String[] parts = info.metadata().getOrDefault(PART_CHECKSUMS_KEY, "").split(",");
        return n >= 1 && n <= parts.length && !parts[n - 1].isEmpty()
                ? new ChecksumValue(whole.algorithm(), parts[n - 1], ChecksumType.COMPOSITE) : null;
    }

    /** Part {@code n}'s checksum for GetObjectAttributes' parts list, or null. */
    static String partForAttributes(ObjectInfo info, int n) {
        ChecksumValue v = ofPart(info, n);
        return v == null || v.type() != ChecksumType.COMPOSITE ? null : v.value();
    }
}
