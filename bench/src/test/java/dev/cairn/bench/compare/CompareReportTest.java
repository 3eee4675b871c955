package dev.cairn.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report from raw files shaped like the load tool's, wrk's and fio's real output. */
class CompareReportTest {
    @TempDir
    Path raw;

    private void loadTool(String name, double opsPerSec, double serverMicros, String errors) throws IOException {
        Files.writeString(raw.resolve(name + ".json"), String.format(Locale.ROOT, """
                {
                  "endpoint": "http://127.0.0.1:9000",
                  "mode": "s3",
                  "concurrency": 16,
                  "seconds": 8.000,
                  "ops": {
                    "get": {"count": 800, "opsPerSec": %1$.1f, "mbPerSec": 3.250, "latencyMs": {"p50": 12.500, \
                "p90": 20.000, "p99": 41.000, "max": 60.000}, "errors": {%3$s}}
                  },
                  "total": {"count": 800, "opsPerSec": %1$.1f, "mbPerSec": 3.250, "latencyMs": {"p50": 12.500, \
                "p90": 20.000, "p99": 41.000, "max": 60.000}, "errors": {%3$s}},
                  "clientCpuSeconds": 0.400,
                  "serverCpuSeconds": 1.600,
                  "clientCpuMicrosPerOp": 25.0,
                  "serverCpuMicrosPerOp": %2$s,
                  "loadAverage1m": [2.50, 2.75]
                }
                """, opsPerSec, serverMicros < 0 ? "null" : Double.toString(serverMicros), errors));
    }

    private static final String WRK = """
            Running 8s test @ http://127.0.0.1:20000/4KiB
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   344.58us  292.46us   5.36ms   88.39%
                Req/Sec    23.67k     3.84k   27.85k    59.09%
              400000 requests in 8.00s, 1.60GB read
            Requests/sec:  50000.00
            Transfer/sec:    204.82MB
            """;

    @Test
    void rowsPairTheServersWithTheirRatioAndCeilings() throws IOException {
        loadTool("cairn-get-4KiB", 1500, 400, "");
        loadTool("s3proxy-get-4KiB", 1000, 900, "\"SlowDown\": 3, \"HTTP 500\": 2");
        loadTool("cairn-put-4KiB", 200, 2500, "");
        // no s3proxy-put-4KiB: that phase failed
        loadTool("nginx-get-4KiB", 40000, 20, "");
        // Three rounds against wrk at 50,000/s: the median one (the tool at 40,000) is shown, and all three.
        loadTool("tool-4KiB-r1", 45000, 20, "");
        loadTool("tool-4KiB-r2", 20000, 20, "");
        loadTool("tool-4KiB-r3", 40000, 20, "");
        for (int n = 1; n <= 3; n++) {
            Files.writeString(raw.resolve("wrk-4KiB-r" + n + ".txt"), WRK);
            Files.writeString(raw.resolve("wrk-4KiB-r" + n + ".cpu"), "1.20 6.80\n");
        }
        Files.writeString(raw.resolve("fio-sync.json"), "{\"jobs\": [{\"write\": {\"bw_bytes\": 1234000000}}]}");
        Files.writeString(raw.resolve("machine.txt"), "CPU: 2 cores, AMD EPYC\nload average at start: 0.50\n");

        CompareReport report = CompareReport.read(raw, List.of("4KiB"));
        String md = report.markdown();

        assertTrue(md.contains("| PUT | 4KiB | 200 | 3.25 | 12.5 / 41.0 | 2.5 ms | n/a | n/a | n/a | n/a | n/a "
                + "| disk 1234 MB/s | 2.5 / n/a |"), md);
        assertTrue(md.contains("| GET | 4KiB | 1,500 | 3.25 | 12.5 / 41.0 | 400 µs | 1,000 (5 errors) | 3.25 "
                + "| 12.5 / 41.0 | 900 µs | 1.50× | nginx 40,000/s, 3.25 MB/s | 2.5 / 2.5 |"), md);
        // 8 s of wrk CPU over 400,000 requests; the load tool at 40,000 of wrk's 50,000 GETs/s.
        assertTrue(md.contains("| 4KiB | 50,000 | 20 µs | 40,000 | 25 µs | 80%; 90%, 40%, 80% | 2.5 |"), md);
        assertTrue(md.contains("- CPU: 2 cores, AMD EPYC\n"), md);
        assertTrue(md.contains("1234 MB/s through the page cache"), md);
        assertTrue(md.contains("n/a MB/s with O_DIRECT"), md);

        JsonNode json = new ObjectMapper().readTree(report.json());
        assertEquals(1.5, json.path("rows").path(1).path("ratio").asDouble(), 1e-9);
        assertEquals(0.8, json.path("toolVsWrk").path(0).path("median").path("ratio").asDouble(), 1e-9);
        assertEquals(3, json.path("toolVsWrk").path(0).path("rounds").size());
        assertTrue(json.path("diskWriteMBps").path("direct").isNull());
    }

    @Test
    void wrkOutputWithoutItsSummaryIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> WrkRun.parse("unable to connect to 127.0.0.1:1", 1));
        assertEquals(-1, WrkRun.parse(WRK, -1).cpuMicrosPerRequest());
    }

    @Test
    void unitsKeepThreeSignificantDigitsOrSo() {
        assertEquals("1,234", CompareReport.rate(1234.4));
        assertEquals("12.5", CompareReport.rate(12.46));
        assertEquals("0.12", CompareReport.mb(0.1234));
        assertEquals("999 µs", CompareReport.cpu(999));
        assertEquals("1.5 ms", CompareReport.cpu(1499));
        assertEquals("n/a", CompareReport.cpu(-1));
    }
}
