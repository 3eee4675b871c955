package dev.cairn.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One measured phase of the load tool (its {@code --json} output), reduced to what the comparison shows: the totals
 * of the run, which in a compare phase hold one operation at one size.
 *
 * @param serverCpuMicros server CPU per operation, -1 when not measured
 * @param clientCpuMicros load tool CPU per operation, -1 when not measured
 */
record Phase(double opsPerSec, double mbPerSec, double p50Ms, double p99Ms, double serverCpuMicros,
             double clientCpuMicros, long errors, double loadBefore, double loadAfter) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The phase in {@code file}, or empty when the file is missing (a phase that did not run). */
    static Optional<Phase> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode total = root.path("total");
        long errors = 0;
        for (JsonNode n : total.path("errors")) {
            errors += n.asLong();
        }
        JsonNode load = root.path("loadAverage1m");
        return Optional.of(new Phase(total.path("opsPerSec").asDouble(), total.path("mbPerSec").asDouble(),
                total.path("latencyMs").path("p50").asDouble(), total.path("latencyMs").path("p99").asDouble(),
                orMinusOne(root.path("serverCpuMicrosPerOp")), orMinusOne(root.path("clientCpuMicrosPerOp")), errors,
                load.path(0).asDouble(-1), load.path(1).asDouble(-1)));
    }

    private static double orMinusOne(JsonNode n) {
        return n.isNumber() ? n.asDouble() : -1;
    }
}
