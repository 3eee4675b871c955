package dev.cairn.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU time of this process and, optionally, of local server processes read from {@code /proc/PID/stat}
 * ({@code utime + stime}, in clock ticks of 1/100 s: the Linux USER_HZ on every mainstream architecture), and the
 * machine's load average.
 */
final class CpuMeter {
    private static final long TICK_NANOS = 10_000_000L;

    private CpuMeter() {}

    /** CPU time this JVM has used so far (all threads), in nanoseconds; -1 when the platform does not say. */
    static long selfNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** CPU time the processes {@code pids} have used so far, summed; -1 when none is given or one cannot be read. */
    static long processNanos(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            long n = processNanos(pid);
            if (n < 0) {
                return -1;
            }
            sum += n;
        }
        return pids.isEmpty() ? -1 : sum;
    }

    /** CPU time process {@code pid} has used so far, in nanoseconds; -1 when it cannot be read. */
    static long processNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may itself hold spaces or parentheses.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(f[11]); // field 14 of the whole line
            long stime = Long.parseLong(f[12]); // field 15
            return (utime + stime) * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The machine's 1-minute load average (first field of {@code /proc/loadavg}), -1 when it cannot be read. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether the endpoint's host is this machine (loopback or one of its interface addresses). */
    static boolean isLocal(URI endpoint) {
        try {
            InetAddress address = InetAddress.getByName(endpoint.getHost());
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
