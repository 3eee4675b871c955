package dev.cairn.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;

/**
 * {@code ./cairn bench [options]}: runs one load against an S3 endpoint and prints a table per operation (stdout),
 * with progress lines on stderr. See {@link LoadOptions#USAGE}. Exit status 0 after a run (errors are results),
 * 2 for a bad command line, 1 when the run could not start.
 */
public final class LoadMain {
    private LoadMain() {}

    public static void main(String[] args) {
        System.exit(main(args, System.out, System.err));
    }

    /** The command as a method: prints like the command and returns its exit status (for in-process use). */
    public static int main(String[] args, PrintStream out, PrintStream err) {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, System.getenv());
        } catch (LoadOptions.UsageException e) {
            if (e.getMessage() != null) {
                err.println("cairn bench: " + e.getMessage());
            }
            (e.getMessage() == null ? out : err).print(LoadOptions.USAGE);
            return e.getMessage() == null ? 0 : 2;
        }
        try {
            LoadReport report = run(options, err);
            out.print(report.table());
            return 0;
        } catch (IllegalStateException | IOException e) {
            err.println("cairn bench: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static LoadReport run(LoadOptions options, PrintStream err) throws IOException, InterruptedException {
        if (!options.serverPids().isEmpty() && !CpuMeter.isLocal(options.endpoint())) {
            err.println("cairn bench: --server-pid ignored: " + options.endpoint().getHost() + " is not this machine");
            options = options.withoutServerPids();
        }
        LoadReport report = new LoadRunner(options, err).run();
        if (options.json() != null) {
            Files.writeString(options.json(), report.json());
        }
        return report;
    }
}
