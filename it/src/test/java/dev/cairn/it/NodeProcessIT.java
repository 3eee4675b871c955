package dev.cairn.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged node as a process: start-up report, health, admin status, clean stop, bad arguments. */
class NodeProcessIT {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url, String basicAuth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (basicAuth != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsReportsItsLayoutAnswersHealthAndStopsCleanly() throws Exception {
        String drives = dir.resolve("d{1...4}").toString();
        try (CairnProcess node = CairnProcess.start(Map.of("CAIRN_ROOT_USER", "admin",
                "CAIRN_ROOT_PASSWORD", "secret-password"), "server", drives)) {
            node.awaitLine("Cairn node ready", 60);
            node.awaitLine("erasure:", 10);
            String out = node.output();
            assertTrue(out.contains("endpoint:  http://127.0.0.1:" + node.port), out);
            assertTrue(out.contains("root user: admin"), out);
            assertTrue(out.contains("1 set(s) x 4 drive(s), EC 2+2"), out);
            assertEquals(200, get(node.url("/cairn/health/live"), null).statusCode());
            assertEquals(200, get(node.url("/cairn/health/ready"), null).statusCode());
            assertEquals(401, get(node.url("/cairn/admin/status"), null).statusCode());
            assertEquals(401, get(node.url("/cairn/admin/status"), "admin:wrong").statusCode());
            HttpResponse<String> status = get(node.url("/cairn/admin/status"), "admin:secret-password");
            assertEquals(200, status.statusCode());
            assertTrue(status.body().contains("\"drivesPerSet\":4"), status.body());
            for (int i = 1; i <= 4; i++) {
                assertTrue(Files.exists(dir.resolve("d" + i).resolve(".cairn.sys/format.json")));
            }
            node.process.destroy(); // SIGTERM, as Ctrl-C or a service manager sends
            assertTrue(node.process.waitFor(20, TimeUnit.SECONDS), "the node did not stop");
            node.awaitLine("Cairn node stopped", 10);
        }
    }

    @Test
    void withoutCredentialsItWarnsLoudlyAboutTheDefault() throws Exception {
        try (CairnProcess node = CairnProcess.start(Map.of(), "server", dir.resolve("solo").toString())) {
            node.awaitLine("DEFAULT root credentials", 60);
            assertTrue(node.output().contains("Cairn node ready"), node.output());
            assertTrue(node.output().contains("1 set(s) x 1 drive(s), EC 1+0"), node.output());
        }
    }

    @Test
    void aDriveOfAnotherDeploymentStopsTheStartWithAReason() throws Exception {
        try (CairnProcess first = CairnProcess.start(Map.of(), "server", dir.resolve("a{1...2}").toString())) {
            first.awaitLine("Cairn node ready", 60);
        }
        try (CairnProcess second = CairnProcess.start(Map.of(), "server", dir.resolve("b{1...2}").toString())) {
            second.awaitLine("Cairn node ready", 60);
        }
        try (CairnProcess mixed = CairnProcess.start(Map.of(), "server", dir.resolve("a1").toString(),
                dir.resolve("b2").toString())) {
            mixed.awaitLine("cairn cannot start", 60);
            assertTrue(mixed.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, mixed.process.exitValue());
        }
    }

    @Test
    void badArgumentsPrintUsageAndExitTwo() throws Exception {
        try (CairnProcess p = CairnProcess.start(Map.of(), "server")) {
            assertTrue(p.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, p.process.exitValue());
            assertTrue(p.output().contains("usage: cairn server"), p.output());
        }
        try (CairnProcess p = CairnProcess.start(Map.of(), "server", "--bogus", dir.toString())) {
            assertTrue(p.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, p.process.exitValue());
        }
    }
}
