package dev.cairn.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one {@code bench/compare} run, read from its raw folder, as Markdown (the README table) and JSON.
 * The raw folder holds {@code cairn|s3proxy-put|get-SIZE.json} and {@code nginx-get-SIZE.json} (load tool), rounds
 * of the load tool against wrk on nginx ({@code tool-SIZE-rN.json}, {@code wrk-SIZE-rN.txt} with
 * {@code wrk-SIZE-rN.cpu}), {@code fio-sync.json} and {@code fio-direct.json}, and
 * {@code machine.txt} ({@code key: value} lines). A missing file shows as {@code n/a}: a failed step does not hide
 * the others.
 */
final class CompareReport {
    static final String CAIRN = "Cairn";
    static final String PEER = "S3Proxy";

    /** One row of the main table: an operation at a size on both servers, and what bounds it physically. */
    record Row(String op, String size, Phase cairn, Phase peer, Double ratio, Phase nginx, Double diskMBps) {}

    /** One round of the load tool, then wrk, against the same nginx file; ratio: the tool's GETs/s over wrk's. */
    record Round(Phase tool, WrkRun wrk, double ratio) {}

    /** The rounds at one size, and the one with the median ratio, which the table shows. */
    record ToolVsWrk(String size, List<Round> rounds, Round median) {}

    private final Map<String, String> machine;
    private final List<Row> rows = new ArrayList<>();
    private final List<ToolVsWrk> toolVsWrk = new ArrayList<>();
    private final Double diskSyncMBps;
    private final Double diskDirectMBps;

    private CompareReport(Map<String, String> machine, Double diskSyncMBps, Double diskDirectMBps) {
        this.machine = machine;
        this.diskSyncMBps = diskSyncMBps;
        this.diskDirectMBps = diskDirectMBps;
    }

    static CompareReport read(Path raw, List<String> sizes) throws IOException {
        CompareReport r = new CompareReport(machine(raw.resolve("machine.txt")), Fio.writeMBps(raw.resolve(
                "fio-sync.json")), Fio.writeMBps(raw.resolve("fio-direct.json")));
        for (String size : sizes) {
            for (String op : List.of("put", "get")) {
                Phase cairn = Phase.read(raw.resolve("cairn-" + op + "-" + size + ".json")).orElse(null);
                Phase peer = Phase.read(raw.resolve("s3proxy-" + op + "-" + size + ".json")).orElse(null);
                Phase nginx = op.equals("get") ? Phase.read(raw.resolve("nginx-get-" + size + ".json")).orElse(null)
                        : null;
                r.rows.add(new Row(op.toUpperCase(Locale.ROOT), size, cairn, peer,
                        cairn == null || peer == null || peer.opsPerSec() == 0 ? null
                                : cairn.opsPerSec() / peer.opsPerSec(),
                        nginx, op.equals("put") ? r.diskSyncMBps : null));
            }
            List<Round> rounds = rounds(raw, size);
            if (!rounds.isEmpty()) {
                List<Round> byRatio = rounds.stream().sorted(Comparator.comparingDouble(Round::ratio)).toList();
                r.toolVsWrk.add(new ToolVsWrk(size, rounds, byRatio.get((byRatio.size() - 1) / 2)));
            }
        }
        return r;
    }

    /** The rounds whose both halves ran, in order. */
    private static List<Round> rounds(Path raw, String size) throws IOException {
        List<Round> rounds = new ArrayList<>();
        for (int n = 1; Files.exists(raw.resolve("wrk-" + size + "-r" + n + ".txt"))
                || Files.exists(raw.resolve("tool-" + size + "-r" + n + ".json")); n++) {
            Optional<Phase> tool = Phase.read(raw.resolve("tool-" + size + "-r" + n + ".json"));
            Optional<WrkRun> wrk = WrkRun.read(raw.resolve("wrk-" + size + "-r" + n + ".txt"));
            if (tool.isPresent() && wrk.isPresent() && wrk.get().requestsPerSec() > 0) {
                rounds.add(new Round(tool.get(), wrk.get(), tool.get().opsPerSec() / wrk.get().requestsPerSec()));
            }
        }
        return rounds;
    }

    private static Map<String, String> machine(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    m.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
            }
        }
        return m;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| op | size | ").append(CAIRN).append(" ops/s | MB/s | p50 / p99 ms | server CPU/op | ")
                .append(PEER).append(" ops/s | MB/s | p50 / p99 ms | server CPU/op | ").append(CAIRN).append('/')
                .append(PEER).append(" | ceiling | load avg |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.op()).append(" | ").append(row.size()).append(" | ");
            cells(out, row.cairn());
            cells(out, row.peer());
            out.append(row.ratio() == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", row.ratio())).append(" | ");
            out.append(ceiling(row)).append(" | ").append(load(row.cairn())).append(" / ").append(load(row.peer()))
                    .append(" |\n");
        }
        if (!toolVsWrk.isEmpty()) {
            out.append("\n| nginx GET | wrk req/s | wrk CPU/req | load tool GET/s | load tool CPU/op | load tool / wrk"
                    + " (median round; all rounds) | load avg |\n|---|---:|---:|---:|---:|---|---|\n");
            for (ToolVsWrk t : toolVsWrk) {
                Round m = t.median();
                out.append("| ").append(t.size()).append(" | ").append(rate(m.wrk().requestsPerSec())).append(" | ")
                        .append(cpu(m.wrk().cpuMicrosPerRequest())).append(" | ").append(rate(m.tool().opsPerSec()))
                        .append(" | ").append(cpu(m.tool().clientCpuMicros())).append(" | ")
                        .append(percent(m.ratio())).append("; ")
                        .append(String.join(", ", t.rounds().stream().map(x -> percent(x.ratio())).toList()))
                        .append(" | ").append(load(m.tool())).append(" |\n");
            }
        }
        if (!machine.isEmpty()) {
            out.append('\n');
            machine.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        }
        if (diskDirectMBps != null || diskSyncMBps != null) {
            out.append(String.format(Locale.ROOT, "- disk, sequential 1 MiB writes of 1 GiB (fio): %s MB/s through the"
                    + " page cache with an fsync at the end (the PUT ceiling above), %s MB/s with O_DIRECT%n",
                    mb(diskSyncMBps), mb(diskDirectMBps)));
        }
        return out.toString();
    }

    private static void cells(StringBuilder out, Phase p) {
        if (p == null) {
            out.append("n/a | n/a | n/a | n/a | ");
            return;
        }
        out.append(rate(p.opsPerSec())).append(p.errors() > 0 ? " (" + p.errors() + " errors)" : "").append(" | ")
                .append(mb(p.mbPerSec())).append(" | ").append(ms(p.p50Ms())).append(" / ").append(ms(p.p99Ms()))
                .append(" | ").append(cpu(p.serverCpuMicros())).append(" | ");
    }

    private static String ceiling(Row row) {
        if (row.nginx() != null) {
            return "nginx " + rate(row.nginx().opsPerSec()) + "/s, " + mb(row.nginx().mbPerSec()) + " MB/s";
        }
        return row.diskMBps() != null ? "disk " + mb(row.diskMBps()) + " MB/s" : "n/a";
    }

    private static String load(Phase p) {
        return p == null || p.loadBefore() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", p.loadBefore());
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * ratio);
    }

    static String rate(double perSec) {
        return perSec >= 100 ? String.format(Locale.ROOT, "%,.0f", perSec) : String.format(Locale.ROOT, "%.1f", perSec);
    }

    static String mb(Double mbPerSec) {
        if (mbPerSec == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, mbPerSec >= 100 ? "%.0f" : mbPerSec >= 10 ? "%.1f" : "%.2f", mbPerSec);
    }

    static String ms(double ms) {
        return String.format(Locale.ROOT, ms >= 100 ? "%.0f" : ms >= 10 ? "%.1f" : "%.2f", ms);
    }

    static String cpu(double micros) {
        if (micros < 0) {
            return "n/a";
        }
        return micros >= 1000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000)
                : String.format(Locale.ROOT, "%.0f µs", micros);
    }

    String json() throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        Map<String, Double> disk = new LinkedHashMap<>();
        disk.put("fsyncAtEnd", diskSyncMBps);
        disk.put("direct", diskDirectMBps);
        root.put("diskWriteMBps", disk);
        root.put("rows", rows);
        root.put("toolVsWrk", toolVsWrk);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }
}
