package dev.cairn.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the boto3 suite in it/python (pytest) against a node started as a process. */
class Boto3IT {
    static final String USER = "it-admin";
    static final String SECRET = "it-secret-key-123";
    static final String USER2 = "it-user2";
    static final String DOMAIN = "s3.cairn.test";
    static final String SECRET2 = "it-user2-secret";

    @TempDir
    static Path dir;
    static CairnProcess node;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "# ordinary users besides root\n" + USER2 + ":" + SECRET2 + "\n");
        node = CairnProcess.startReady(dir, USER, SECRET, Map.of("CAIRN_USERS_FILE", users.toString(),
                "CAIRN_DOMAIN", DOMAIN));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    void boto3Suite() throws Exception {
        Path suite = Path.of(System.getProperty("cairn.root", "..")).resolve("it/python");
        Path report = dir.resolve("pytest.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=5",
                suite.toString())).redirectErrorStream(true).redirectOutput(report.toFile());
        pb.environment().put("CAIRN_ENDPOINT", node.url(""));
        pb.environment().put("CAIRN_ACCESS_KEY", USER);
        pb.environment().put("CAIRN_SECRET_KEY", SECRET);
        pb.environment().put("CAIRN_USER2_ACCESS_KEY", USER2);
        pb.environment().put("CAIRN_DOMAIN", DOMAIN);
        pb.environment().put("CAIRN_USER2_SECRET_KEY", SECRET2);
        pb.environment().put("AWS_MAX_ATTEMPTS", "1");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        String out = Files.readString(report);
        System.out.println(out);
        assertEquals(0, p.exitValue(), "pytest failed:\n" + out + "\nnode output:\n" + node.output());
    }
}
