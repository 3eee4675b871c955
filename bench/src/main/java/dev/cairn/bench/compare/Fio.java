package dev.cairn.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads fio's {@code --output-format=json}. */
final class Fio {
    private Fio() {}

    /** The write bandwidth of the first job in MB/s (10^6 bytes), or null when the file is missing. */
    static Double writeMBps(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode bw = new ObjectMapper().readTree(file.toFile()).path("jobs").path(0).path("write").path("bw_bytes");
        if (!bw.isNumber()) {
            throw new IOException(file + ": no jobs[0].write.bw_bytes: not fio JSON output");
        }
        return bw.asDouble() / 1e6;
    }
}
