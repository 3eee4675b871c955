package dev.cairn.storage.object;

/**
 * A byte range of an object, resolved against its size: {@code offset} and {@code length} are exact.
 * The S3 API turns Range headers (suffix, open-ended) into this with {@link #resolve}.
 */
public record ByteRange(long offset, long length) {

    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad range " + offset + "+" + length);
        }
    }

    public static ByteRange whole(long size) {
        return new ByteRange(0, size);
    }

    public long end() {
        return offset + length;
    }

    /**
     * Resolves an HTTP-style range: {@code first} null means a suffix of {@code last} bytes; {@code last} null
     * means to the end. Returns null when unsatisfiable (first beyond the end, or an empty suffix).
     */
    public static ByteRange resolve(Long first, Long last, long size) {
        if (first == null) {
            if (last == null || last == 0 || size == 0) {
                return null;
            }
            long n = Math.min(last, size);
            return new ByteRange(size - n, n);
        }
        if (first >= size) {
            return null;
        }
        long end = last == null ? size - 1 : Math.min(last, size - 1);
        return end < first ? null : new ByteRange(first, end - first + 1);
    }
}
