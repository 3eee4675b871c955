package dev.cairn.bench.load;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one operation did in the measured window: successes with their bytes and latencies, failures by error code
 * (the S3 {@code <Code>}, {@code HTTP <status>} for a bodiless error, or the client-side failure's name). Each load
 * worker records into its own, so the lock is never contended; the run sums them at the end.
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

        /** Everything the given snapshots recorded, as one. */
        static Snapshot sum(Collection<Snapshot> parts) {
            LatencyHistogram all = new LatencyHistogram();
            long bytes = 0;
            Map<String, Long> errors = new TreeMap<>();
            for (Snapshot s : parts) {
                all.add(s.latencies());
                bytes += s.bytes();
                s.errors().forEach((code, n) -> errors.merge(code, n, Long::sum));
            }
            return new Snapshot(all, bytes, errors);
        }
    }
}
