package dev.cairn.storage.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.util.List;

/**
 * Entry point of {@code cairn server}: turns the command line into configuration, then starts Quarkus.
 * Configuration read by the node: {@code cairn.drives} (the expanded paths), {@code quarkus.http.host/port}.
 */
@QuarkusMain
public final class CairnMain {

    private CairnMain() {
    }

    public static void main(String... args) {
        ServerArgs parsed;
        try {
            parsed = ServerArgs.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("cairn: " + e.getMessage());
            System.err.println(ServerArgs.USAGE);
            System.exit(2);
            return;
        }
        System.setProperty("quarkus.http.host", parsed.host());
        System.setProperty("quarkus.http.port", Integer.toString(parsed.port()));
        // SmallRye config splits lists on commas; a comma inside a path is escaped
        System.setProperty("cairn.drives", String.join(",",
                parsed.drives().stream().map(p -> p.replace(",", "\\,")).toList()));
        Quarkus.run(args);
    }
}
