package dev.cairn.storage.api.checksum;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A running checksum of one {@link ChecksumAlgorithm}: feed bytes in any split, then take the digest. Not
 * thread-safe. {@link #digest()} ends the computation and resets, like {@link java.security.MessageDigest}.
 */
public sealed interface Checksummer permits CrcChecksummer, DigestChecksummer {

    static Checksummer of(ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> new CrcChecksummer(algorithm, new java.util.zip.CRC32());
            case CRC32C -> new CrcChecksummer(algorithm, new java.util.zip.CRC32C());
            case CRC64NVME -> new CrcChecksummer(algorithm, new Crc64Nvme());
            case SHA1 -> new DigestChecksummer(algorithm, "SHA-1");
            case SHA256 -> new DigestChecksummer(algorithm, "SHA-256");
        };
    }

    ChecksumAlgorithm algorithm();

    void update(byte[] bytes, int offset, int length);

    default void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    /** Consumes the buffer's remaining bytes (its position ends at its limit); heap or direct. */
    void update(ByteBuffer buffer);

    /** The raw digest of everything fed since the last reset; resets. */
    byte[] digest();

    /** {@link #digest()} in base64, the form of headers and XML. */
    default String digestBase64() {
        return Base64.getEncoder().encodeToString(digest());
    }

    void reset();
}
