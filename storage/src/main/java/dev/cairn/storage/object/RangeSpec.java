package dev.cairn.storage.object;

/**
 * A requested range before the object's size is known (an HTTP Range header): {@code first} null means the
 * last {@code last} bytes; {@code last} null means to the end.
 */
public record RangeSpec(Long first, Long last) {

    /** The exact range for an object of {@code size} bytes, or {@link ObjectError#INVALID_RANGE}. */
    public ByteRange resolve(long size) {
        ByteRange r = ByteRange.resolve(first, last, size);
        if (r == null) {
            throw new ObjectException(ObjectError.INVALID_RANGE, "range " + this + " not satisfiable for size " + size);
        }
        return r;
    }
}
