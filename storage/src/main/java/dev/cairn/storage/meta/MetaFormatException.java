package dev.cairn.storage.meta;

/** A {@code cairn.meta} that cannot be decoded: corrupt, truncated or from a newer major format. */
public final class MetaFormatException extends RuntimeException {
    public MetaFormatException(String message) {
        super(message);
    }
}
