package dev.cairn.kafka;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log that may be large (a broker log grows across restarts), read from its end. */
final class LogTail {

    /** Enough for the last few dozen lines of Kafka's output, whose config dump lines are short. */
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static String lastLines(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int n = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[n];
            f.seek(length - n);
            f.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            // the first line may be cut in the middle when the window did not start at the file's beginning
            int from = Math.max(n < length ? 1 : 0, all.size() - lines);
            return String.join("\n", all.subList(Math.min(from, all.size()), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
