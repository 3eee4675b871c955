package dev.cairn.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Stands in for {@code kafka.tools.StorageTool format -t ID -c FILE} in {@link LauncherTest}: writes the
 * {@code meta.properties} the real one would, or fails when {@code -Dstandin.format=fail}.
 */
public final class StandInStorageTool {

    private StandInStorageTool() {
    }

    public static void main(String[] args) throws IOException {
        if ("fail".equals(System.getProperty("standin.format"))) {
            System.err.println("stand-in: cannot format (as asked)");
            System.exit(1);
        }
        if (args.length != 5 || !args[0].equals("format") || !args[1].equals("-t") || !args[3].equals("-c")) {
            System.err.println("stand-in: unexpected arguments " + String.join(" ", args));
            System.exit(2);
        }
        Properties server = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[4]))) {
            server.load(in);
        }
        Path logDir = Path.of(server.getProperty("log.dirs"));
        Files.createDirectories(logDir);
        Files.writeString(logDir.resolve("meta.properties"), "node.id=1\nversion=1\ncluster.id=" + args[2] + "\n");
    }
}
