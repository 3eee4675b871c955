package dev.cairn.storage.api.checksum;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import java.util.Base64;
import java.util.Locale;

/**
 * The additional checksum algorithms of S3 ("flexible checksums"). A value travels as the base64 of the raw digest:
 * for the CRCs the register as big-endian bytes (4 for CRC32 and CRC32C, 8 for CRC64NVME), for SHA the digest.
 */
public enum ChecksumAlgorithm {
    CRC32("CRC32", 4, true, true),
    CRC32C("CRC32C", 4, true, true),
    /** AWS's default since 2025; full-object only (no composite form). */
    CRC64NVME("CRC64NVME", 8, false, true),
    SHA1("SHA1", 20, true, false),
    SHA256("SHA256", 32, true, false);

    private final String wireName;
    private final int digestLength;
    private final boolean composite;
    private final boolean fullObject;
    private final String headerName;
    private final String xmlElement;

    ChecksumAlgorithm(String wireName, int digestLength, boolean composite, boolean fullObject) {
        this.wireName = wireName;
        this.digestLength = digestLength;
        this.composite = composite;
        this.fullObject = fullObject;
        this.headerName = "x-amz-checksum-" + wireName.toLowerCase(Locale.ROOT);
        this.xmlElement = "Checksum" + wireName;
    }

    /** The name in {@code x-amz-checksum-algorithm} and {@code x-amz-sdk-checksum-algorithm}, e.g. {@code CRC32C}. */
    public String wireName() {
        return wireName;
    }

    /** The header carrying a value, e.g. {@code x-amz-checksum-crc32c}; also the trailer name. */
    public String headerName() {
        return headerName;
    }

    /** The element of XML documents carrying a value, e.g. {@code ChecksumCRC32C}. */
    public String xmlElement() {
        return xmlElement;
    }

    /** Bytes of the raw digest. */
    public int digestLength() {
        return digestLength;
    }

    /** Whether a multipart object may carry a COMPOSITE checksum (a checksum of the part checksums). */
    public boolean supportsComposite() {
        return composite;
    }

    /** Whether a multipart object may carry a FULL_OBJECT checksum (only the CRCs: they combine). */
    public boolean supportsFullObject() {
        return fullObject;
    }

    public boolean supports(ChecksumType type) {
        return type == ChecksumType.COMPOSITE ? composite : fullObject;
    }

    public Checksummer newChecksummer() {
        return Checksummer.of(this);
    }

    /** The base64 form of a raw digest. */
    public String encode(byte[] digest) {
        if (digest.length != digestLength) {
            throw new IllegalArgumentException(wireName + " digest must be " + digestLength + " bytes");
        }
        return Base64.getEncoder().encodeToString(digest);
    }

    /**
     * The raw digest of a base64 value from a header, trailer or XML element (surrounding whitespace allowed). A
     * value that is not the canonical, padded base64 of a digest of the right length is InvalidRequest, as S3
     * answers.
     */
    public byte[] decode(String base64) {
        String value = base64 == null ? "" : base64.strip();
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length != digestLength || !Base64.getEncoder().encodeToString(raw).equals(value)) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "Value for " + headerName + " header is invalid.");
        }
        return raw;
    }

    /** The algorithm named {@code name} (any case); InvalidRequest for anything else. */
    public static ChecksumAlgorithm parse(String name) {
        for (ChecksumAlgorithm a : values()) {
            if (a.wireName.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return a;
            }
        }
        throw new S3Exception(S3Error.INVALID_REQUEST, "Checksum algorithm provided is unsupported. Please try again"
                + " with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
    }

    /** The algorithm whose value header is {@code headerName} (any case), or null. */
    public static ChecksumAlgorithm fromHeaderName(String headerName) {
        for (ChecksumAlgorithm a : values()) {
            if (a.headerName.equalsIgnoreCase(headerName)) {
                return a;
            }
        }
        return null;
    }
}
