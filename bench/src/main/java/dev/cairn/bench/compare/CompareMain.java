package dev.cairn.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code CompareMain RAW_DIR OUT_DIR SIZE...}: the last step of {@code bench/compare}. Writes
 * {@code OUT_DIR/results.md} and {@code OUT_DIR/results.json} and prints the Markdown.
 */
public final class CompareMain {
    private CompareMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: CompareMain RAW_DIR OUT_DIR SIZE...");
            System.exit(2);
        }
        List<String> sizes = Arrays.asList(args).subList(2, args.length);
        CompareReport report = CompareReport.read(Path.of(args[0]), sizes);
        Path out = Files.createDirectories(Path.of(args[1]));
        String markdown = report.markdown();
        Files.writeString(out.resolve("results.md"), markdown);
        Files.writeString(out.resolve("results.json"), report.json());
        System.out.print(markdown);
    }
}
