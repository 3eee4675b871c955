package dev.cairn.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bench.load.LoadMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator ({@code ./cairn bench}) run in-process against a node: a verified mixed load without errors. */
class LoadToolIT {
    static final String USER = "load-admin";
    static final String SECRET = "load-secret-key-123";

    @TempDir
    Path dir;

    @Test
    void mixedVerifiedLoadRunsWithoutErrors() throws Exception {
        try (CairnProcess node = CairnProcess.start(Map.of("CAIRN_ROOT_USER", USER, "CAIRN_ROOT_PASSWORD", SECRET),
                "server", dir.resolve("d{1...4}").toString())) {
            node.awaitLine("Cairn node ready", 60);
            Path json = dir.resolve("load.json");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = LoadMain.main(new String[] {"--endpoint", node.url(""), "--access-key", USER,
                    "--secret-key", SECRET, "--bucket", "load-it", "--ops", "put=40,get=30,head=10,list=5,delete=5,mpu=10",
                    "--size", "4KiB:80,200KiB:20", "--objects", "64", "--prefill", "--concurrency", "8",
                    "--duration", "3s", "--verify", "--json", json.toString(), "--quiet"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String table = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, status, table + err.toString(StandardCharsets.UTF_8));

            String report = Files.readString(json);
            for (String op : new String[] {"put", "get", "head", "list", "delete", "mpu"}) {
                Matcher m = Pattern.compile("\"" + op + "\": \\{\"count\": (\\d+)").matcher(report);
                assertTrue(m.find() && Long.parseLong(m.group(1)) > 0, "no " + op + " ops:\n" + table);
            }
            assertTrue(Pattern.compile("\"total\": \\{[^\n]*\"errors\": \\{\\}\\}").matcher(report).find(),
                    "errors:\n" + table);
        }
    }
}
