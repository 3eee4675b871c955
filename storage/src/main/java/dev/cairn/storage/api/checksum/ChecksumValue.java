package dev.cairn.storage.api.checksum;

import java.util.Objects;

/**
 * An object's (or part's) stored checksum as S3 reports it: the algorithm, the base64 value (a COMPOSITE one ends
 * in {@code -N}) and the type.
 */
public record ChecksumValue(ChecksumAlgorithm algorithm, String value, ChecksumType type) {

    public ChecksumValue {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
    }

    /** The value without a composite {@code -N} suffix. */
    public String valueWithoutPartCount() {
        int dash = value.lastIndexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    /** An algorithm with the type of checksum it makes, e.g. what a multipart upload was created with. */
    public record Kind(ChecksumAlgorithm algorithm, ChecksumType type) {
        public Kind {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(type, "type");
        }
    }
}
