package dev.cairn.bench.load;

/**
 * A log-linear histogram of non-negative longs (nanoseconds here) with a relative error under 1%: values below 256
 * have a bucket each; above, every power of two is split into 128 equal buckets, so a bucket is at most 1/128 of
 * its lower bound wide and a percentile is reported as its bucket's midpoint. About 7,300 counters (58 KiB) cover
 * the whole long range. Not thread-safe: callers serialize {@link #record}.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS; // 128
    private static final int LINEAR = 2 * SUB; // values below 256 are exact

    private final long[] counts = new long[LINEAR + (63 - SUB_BITS - 1) * SUB];
    private long total;
    private long max;
    private long min = Long.MAX_VALUE;

    void record(long value) {
        long v = Math.max(0, value);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
        min = Math.min(min, v);
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v); // >= 8
        int shift = exponent - SUB_BITS; // >= 1
        int mantissa = (int) (v >>> shift); // in [128, 256)
        return LINEAR + (shift - 1) * SUB + (mantissa - SUB);
    }

    /** The midpoint of bucket {@code index} (the value itself below 256). */
    static long value(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index - LINEAR) / SUB + 1;
        long mantissa = (index - LINEAR) % SUB + SUB;
        long low = mantissa << shift;
        return low + ((1L << shift) >> 1);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /**
     * The value at percentile {@code p} (0..100]: the smallest bucket value with at least {@code p}% of the
     * recorded values at or below it, clamped to the recorded min and max; exactly the max for the highest rank;
     * 0 when empty.
     */
    long percentile(double p) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        if (rank >= total) {
            return max;
        }
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, Math.max(min, value(i)));
            }
        }
        return max;
    }

    /** Adds every value recorded in {@code other}. */
    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
        min = Math.min(min, other.min);
    }
}
