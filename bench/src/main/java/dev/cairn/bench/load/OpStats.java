package dev.cairn.bench.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one operation did in the measured window: successes with their bytes and latencies, failures by error code
 * (the S3 {@code <Code>}, {@code HTTP <status>} for a bodiless error, or the client-side failure's name). Recording
 * is synchronized: completions arrive on the HTTP client's threads, a few hundred thousand a second at most.
 */
final class OpStats {
    private final LatencyHistogram latencies = new LatencyHistogram();
    private final Map<String, Long> errors = new TreeMap<>();
    private long bytes;

    synchronized void success(long nanos, long byteCount) {
        latencies.record(nanos);
        bytes += byteCount;
    }

    synchronized void failure(String code) {
        errors.merge(code, 1L, Long::sum);
    }

    /** A consistent copy of everything recorded so far. */
    synchronized Snapshot snapshot() {
        LatencyHistogram copy = new LatencyHistogram();
        copy.add(latencies);
        return new Snapshot(copy, bytes, new TreeMap<>(errors));
    }

    record Snapshot(LatencyHistogram latencies, long bytes, Map<String, Long> errors) {
        long count() {
            return latencies.count();
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
