package dev.cairn.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One wrk run: its {@code Requests/sec} line, and the CPU time wrk used as the script recorded it next to the output
 * ({@code NAME.cpu}: user and system seconds, from bash's {@code time}).
 *
 * @param cpuMicrosPerRequest -1 when the CPU file is missing
 */
record WrkRun(double requestsPerSec, long requests, double cpuMicrosPerRequest) {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern COUNT = Pattern.compile("(\\d+) requests in ");

    /** The run whose output is {@code file}, or empty when it is missing. */
    static Optional<WrkRun> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(parse(Files.readString(file), cpuSeconds(file.resolveSibling(
                file.getFileName().toString().replaceFirst("\\.txt$", "") + ".cpu"))));
    }

    static WrkRun parse(String output, double cpuSeconds) {
        Matcher rate = RATE.matcher(output);
        Matcher count = COUNT.matcher(output);
        if (!rate.find() || !count.find()) {
            throw new IllegalArgumentException("not wrk output: " + output.lines().findFirst().orElse(""));
        }
        long requests = Long.parseLong(count.group(1));
        return new WrkRun(Double.parseDouble(rate.group(1)), requests,
                cpuSeconds < 0 || requests == 0 ? -1 : cpuSeconds * 1e6 / requests);
    }

    /** User plus system seconds from a file holding the two numbers; -1 when missing. */
    private static double cpuSeconds(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        double sum = 0;
        for (String n : Files.readString(file).strip().split("\\s+")) {
            sum += Double.parseDouble(n);
        }
        return sum;
    }
}
