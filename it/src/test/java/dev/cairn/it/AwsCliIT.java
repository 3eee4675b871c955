package dev.cairn.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The aws CLI against a node process: high-level s3 commands with files big enough for multipart, and s3api. */
class AwsCliIT {
    static final String USER = "cli-admin";
    static final String SECRET = "cli-secret-key-123";

    @TempDir
    static Path dir;
    static CairnProcess node;

    @BeforeAll
    static void start() throws Exception {
        node = CairnProcess.startReady(dir, USER, SECRET, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    record Result(int exit, String out) {
    }

    static Result aws(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("aws", "--endpoint-url", node.url(""), "--region", "us-east-1"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "aws", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("AWS_ACCESS_KEY_ID", USER);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", SECRET);
        pb.environment().put("AWS_MAX_ATTEMPTS", "1");
        pb.environment().put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), Files.readString(out));
    }

    static Result ok(String... args) throws Exception {
        Result r = aws(args);
        assertEquals(0, r.exit(), String.join(" ", args) + " failed:\n" + r.out() + "\nnode:\n" + node.output());
        return r;
    }

    @Test
    void highLevelCommandsWithMultipartSizedFiles() throws Exception {
        ok("s3", "mb", "s3://cli-bucket");
        byte[] big = new byte[25 * 1024 * 1024 + 17];
        new Random(3).nextBytes(big);
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("sub"));
        Files.write(src.resolve("big.bin"), big);
        Files.writeString(src.resolve("sub/small.txt"), "small");
        ok("s3", "cp", src.resolve("big.bin").toString(), "s3://cli-bucket/big.bin");
        ok("s3", "sync", src.toString(), "s3://cli-bucket/synced");
        String ls = ok("s3", "ls", "--recursive", "s3://cli-bucket").out();
        assertTrue(ls.contains("big.bin") && ls.contains("synced/sub/small.txt"), ls);
        Path back = dir.resolve("back.bin");
        ok("s3", "cp", "s3://cli-bucket/big.bin", back.toString());
        assertArrayEquals(big, Files.readAllBytes(back));
        String head = ok("s3api", "head-object", "--bucket", "cli-bucket", "--key", "big.bin").out();
        assertTrue(head.contains("\"ContentLength\": " + big.length), head);
        ok("s3", "rm", "--recursive", "s3://cli-bucket");
        ok("s3", "rb", "s3://cli-bucket");
    }

    @Test
    void s3apiErrorsAreReported() throws Exception {
        Result r = aws("s3api", "head-bucket", "--bucket", "no-such-bucket-here");
        assertTrue(r.exit() != 0 && r.out().contains("404"), r.out());
        Result get = aws("s3api", "get-object", "--bucket", "no-such-bucket-here", "--key", "k",
                dir.resolve("x").toString());
        assertTrue(get.exit() != 0 && get.out().contains("NoSuchBucket"), get.out());
    }
}
