package dev.cairn.identity.sigv4;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What {@code x-amz-content-sha256} (or a presigned URL) says about the body: a mode and, for a digest, the digest. */
record PayloadClaim(PayloadMode mode, String sha256) {

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /**
     * Reads a claim. {@code value} is the header's value; a digest may be in either case. SigV4a's ECDSA
     * streaming modes and anything else are refused with {@link AuthError#INVALID_ARGUMENT}, as S3 does for a
     * value it does not know.
     */
    static PayloadClaim parse(String value) {
        for (PayloadMode mode : PayloadMode.values()) {
            if (mode != PayloadMode.SIGNED && mode != PayloadMode.NONE && mode.wireValue().equals(value)) {
                return new PayloadClaim(mode, null);
            }
        }
        if (Crypto.isSha256Hex(value)) {
            return new PayloadClaim(PayloadMode.SIGNED, value);
        }
        if (value.startsWith("STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD")) {
            throw new AuthException(AuthError.INVALID_ARGUMENT,
                    "x-amz-content-sha256 " + value + ": Signature V4a (ECDSA) is not supported");
        }
        throw new AuthException(AuthError.INVALID_ARGUMENT, "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                + "STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, "
                + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value");
    }

    /** The trailing header names a request announces in {@code x-amz-trailer} (comma-separated, any case). */
    static Set<String> trailerNames(List<String> headerValues) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : headerValues) {
            for (String name : value.split(",")) {
                String n = name.strip().toLowerCase(Locale.ROOT);
                if (!n.isEmpty()) {
                    names.add(n);
                }
            }
        }
        return names;
    }
}
