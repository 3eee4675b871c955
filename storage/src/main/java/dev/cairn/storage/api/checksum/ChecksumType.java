package dev.cairn.storage.api.checksum;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import java.util.Locale;

/**
 * How a multipart object's checksum relates to its bytes ({@code x-amz-checksum-type}). A single-part object's
 * checksum is always FULL_OBJECT.
 */
public enum ChecksumType {
    /** The checksum of the whole object's bytes; for multipart uploads the part CRCs are combined into it. */
    FULL_OBJECT,
    /** The checksum of the concatenated raw part checksums, written {@code base64-N} for N parts. */
    COMPOSITE;

    /** S3's default for a multipart upload that names only the algorithm. */
    public static ChecksumType defaultFor(ChecksumAlgorithm algorithm) {
        return algorithm == ChecksumAlgorithm.CRC64NVME ? FULL_OBJECT : COMPOSITE;
    }

    /** {@code FULL_OBJECT} or {@code COMPOSITE} (any case); InvalidRequest for anything else. */
    public static ChecksumType parse(String s) {
        String v = s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "FULL_OBJECT" -> FULL_OBJECT;
            case "COMPOSITE" -> COMPOSITE;
            default -> throw new S3Exception(S3Error.INVALID_REQUEST,
                    "Value for x-amz-checksum-type header is invalid.");
        };
    }
}
