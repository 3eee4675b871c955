package dev.cairn.bench.load;

import java.util.Locale;
import java.util.Map;

/**
 * The results of a run over its measured window: per operation and in total, count, throughput (MB = 10^6 bytes of
 * object payload; listing bytes for LIST), latency percentiles and errors by code, and the CPU time the client and
 * (with {@code --server-pid}) the server used in that window, as a text table or JSON.
 *
 * @param clientCpuNanos this process's CPU time over the window, -1 if unknown
 * @param serverCpuNanos the server's CPU time over the window, -1 if not measured
 * @param loadBefore the machine's 1-minute load average as the window opened, -1 if unknown (on a shared machine,
 *     what the figures must be read with)
 * @param loadAfter the same as it closed
 */
record LoadReport(LoadOptions options, double seconds, Map<Op, OpStats.Snapshot> ops, long clientCpuNanos,
                  long serverCpuNanos, double loadBefore, double loadAfter) {

    OpStats.Snapshot total() {
        return OpStats.Snapshot.sum(ops.values());
    }

    long count(Op op) {
        OpStats.Snapshot s = ops.get(op);
        return s == null ? 0 : s.count();
    }

    long errorCount() {
        return total().errorCount();
    }

    private double perSecond(double n) {
        return seconds > 0 ? n / seconds : 0;
    }

    /** Client CPU above server CPU means the measurement says more about the client than the server. */
    boolean clientHeavier() {
        return serverCpuNanos >= 0 && clientCpuNanos > serverCpuNanos;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s  %s  concurrency %d  %.1fs measured%n", options.endpoint(),
                options.raw() ? "raw GET" : "ops " + options.ops().format(Op::label) + "  size "
                        + options.sizes().format(Units::formatBytes), options.concurrency(), seconds));
        out.append(String.format(Locale.ROOT, "%-7s %9s %10s %9s %8s %8s %8s %9s %7s%n", "op", "count", "ops/s",
                "MB/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"));
        ops.forEach((op, s) -> row(out, op.label(), s));
        if (ops.size() > 1) {
            row(out, "total", total());
        }
        ops.forEach((op, s) -> {
            if (!s.errors().isEmpty()) {
                out.append("errors ").append(op.label()).append(": ").append(s.errors()).append('\n');
            }
        });
        long n = total().count() + total().errorCount();
        if (clientCpuNanos >= 0) {
            out.append(String.format(Locale.ROOT, "client CPU %.2fs (%.0f us/op)", clientCpuNanos / 1e9,
                    n > 0 ? clientCpuNanos / 1e3 / n : 0.0));
        }
        if (serverCpuNanos >= 0) {
            out.append(String.format(Locale.ROOT, "  server CPU %.2fs (%.0f us/op)", serverCpuNanos / 1e9,
                    n > 0 ? serverCpuNanos / 1e3 / n : 0.0));
        }
        out.append(String.format(Locale.ROOT, "  load average %.2f -> %.2f%n", loadBefore, loadAfter));
        if (clientHeavier()) {
            out.append("WARNING: the client used more CPU than the server: on a shared machine these numbers are"
                    + " bounded by the load generator\n");
        }
        return out.toString();
    }

    private void row(StringBuilder out, String label, OpStats.Snapshot s) {
        LatencyHistogram h = s.latencies();
        out.append(String.format(Locale.ROOT, "%-7s %9d %10.1f %9.2f %8.2f %8.2f %8.2f %9.2f %7d%n", label, s.count(),
                perSecond(s.count()), perSecond(s.bytes()) / 1e6, h.percentile(50) / 1e6, h.percentile(90) / 1e6,
                h.percentile(99) / 1e6, h.max() / 1e6, s.errorCount()));
    }

    String json() {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"endpoint\": ").append(quote(options.endpoint().toString())).append(",\n");
        out.append("  \"mode\": ").append(quote(options.raw() ? "raw" : "s3")).append(",\n");
        if (!options.raw()) {
            out.append("  \"opsMix\": ").append(quote(options.ops().format(Op::label))).append(",\n");
            out.append("  \"sizes\": ").append(quote(options.sizes().format(Units::formatBytes))).append(",\n");
        }
        out.append("  \"concurrency\": ").append(options.concurrency()).append(",\n");
        out.append(String.format(Locale.ROOT, "  \"seconds\": %.3f,%n", seconds));
        out.append("  \"ops\": {");
        String sep = "\n";
        for (Map.Entry<Op, OpStats.Snapshot> e : ops.entrySet()) {
            out.append(sep).append("    ").append(quote(e.getKey().label())).append(": ");
            jsonStats(out, e.getValue());
            sep = ",\n";
        }
        out.append("\n  },\n  \"total\": ");
        jsonStats(out, total());
        out.append(",\n");
        long n = total().count() + total().errorCount();
        out.append(String.format(Locale.ROOT, "  \"clientCpuSeconds\": %s,%n  \"serverCpuSeconds\": %s,%n",
                clientCpuNanos < 0 ? "null" : String.format(Locale.ROOT, "%.3f", clientCpuNanos / 1e9),
                serverCpuNanos < 0 ? "null" : String.format(Locale.ROOT, "%.3f", serverCpuNanos / 1e9)));
        out.append(String.format(Locale.ROOT, "  \"clientCpuMicrosPerOp\": %s,%n  \"serverCpuMicrosPerOp\": %s,%n",
                clientCpuNanos < 0 || n == 0 ? "null" : String.format(Locale.ROOT, "%.1f", clientCpuNanos / 1e3 / n),
                serverCpuNanos < 0 || n == 0 ? "null" : String.format(Locale.ROOT, "%.1f", serverCpuNanos / 1e3 / n)));
        out.append(String.format(Locale.ROOT, "  \"loadAverage1m\": [%.2f, %.2f]%n}%n", loadBefore, loadAfter));
        return out.toString();
    }

    private void jsonStats(StringBuilder out, OpStats.Snapshot s) {
        LatencyHistogram h = s.latencies();
        out.append(String.format(Locale.ROOT, "{\"count\": %d, \"opsPerSec\": %.1f, \"mbPerSec\": %.3f, "
                        + "\"latencyMs\": {\"p50\": %.3f, \"p90\": %.3f, \"p99\": %.3f, \"max\": %.3f}, \"errors\": {",
                s.count(), perSecond(s.count()), perSecond(s.bytes()) / 1e6, h.percentile(50) / 1e6,
                h.percentile(90) / 1e6, h.percentile(99) / 1e6, h.max() / 1e6));
        String sep = "";
        for (Map.Entry<String, Long> e : s.errors().entrySet()) {
            out.append(sep).append(quote(e.getKey())).append(": ").append(e.getValue());
            sep = ", ";
        }
        out.append("}}");
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
