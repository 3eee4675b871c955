package dev.cairn.storage.api.checksum;

import java.util.Base64;
import java.util.List;

/**
 * The checksum of a multipart object from its parts' checksums, as S3 computes it at CompleteMultipartUpload:
 * <ul>
 *   <li>COMPOSITE (CRC32, CRC32C, SHA1, SHA256): the algorithm run over the concatenated raw part checksums, in
 *       part order, written {@code base64-N} for N parts;
 *   <li>FULL_OBJECT (CRC32, CRC32C, CRC64NVME): the CRC of the whole object's bytes, obtained by combining the
 *       part CRCs with their sizes (no pass over the data), written as a plain value.
 * </ul>
 */
public final class MultipartChecksums {

    /** A part's raw checksum and its size in bytes. */
    public record Part(byte[] checksum, long size) {
    }

    private MultipartChecksums() {
    }

    /** The COMPOSITE checksum {@code base64-N} of the parts' raw checksums, in part order. */
    public static String composite(ChecksumAlgorithm algorithm, List<byte[]> partChecksums) {
        if (!algorithm.supportsComposite()) {
            throw new IllegalArgumentException(algorithm + " has no composite checksum");
        }
        requireParts(partChecksums.size());
        Checksummer c = algorithm.newChecksummer();
        for (byte[] part : partChecksums) {
            requireLength(algorithm, part);
            c.update(part);
        }
        return c.digestBase64() + "-" + partChecksums.size();
    }

    /** The FULL_OBJECT checksum (raw) of the object made of {@code parts}, in part order. */
    public static byte[] fullObject(ChecksumAlgorithm algorithm, List<Part> parts) {
        if (!algorithm.supportsFullObject()) {
            throw new IllegalArgumentException(algorithm + " has no full-object checksum for multipart objects");
        }
        requireParts(parts.size());
        CrcCombine math = CrcCombine.of(algorithm);
        long crc = 0;
        boolean first = true;
        for (Part p : parts) {
            requireLength(algorithm, p.checksum());
            long partCrc = CrcChecksummer.fromBytes(p.checksum());
            crc = first ? partCrc : math.combine(crc, partCrc, p.size());
            first = false;
        }
        return CrcChecksummer.toBytes(crc, algorithm.digestLength());
    }

    /** {@link #fullObject} in base64. */
    public static String fullObjectBase64(ChecksumAlgorithm algorithm, List<Part> parts) {
        return Base64.getEncoder().encodeToString(fullObject(algorithm, parts));
    }

    private static void requireParts(int n) {
        if (n < 1 || n > 10_000) {
            throw new IllegalArgumentException("a multipart object has 1..10000 parts, not " + n);
        }
    }

    private static void requireLength(ChecksumAlgorithm algorithm, byte[] checksum) {
        if (checksum.length != algorithm.digestLength()) {
            throw new IllegalArgumentException(algorithm + " checksums are " + algorithm.digestLength() + " bytes");
        }
    }
}
