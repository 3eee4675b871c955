package dev.cairn.bench.load;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a load: keeps {@code concurrency} requests in flight with a semaphore, one scheduler thread choosing each
 * next operation (from the mix) and key (from the {@link KeySpace}) as soon as a permit frees, until the duration or
 * the operation count is reached; then waits for the requests still in flight.
 *
 * <p>Time runs as: prefill (optional, unmeasured), warmup (unmeasured), measured window. An operation belongs to
 * the window it started in; its latency runs from just before it is sent to the end of its response body. A
 * GET, HEAD or DELETE when no written key is free runs as a PUT instead (the start of a run without prefill).
 */
final class LoadRunner {
    private final LoadOptions options;
    private final LoadClient client;
    private final PrintStream err;
    private final KeySpace keys;
    private final Map<Op, OpStats> stats = new EnumMap<>(Op.class);
    private final Semaphore permits;
    private final SplittableRandom random = new SplittableRandom();
    private final LongAdder liveOps = new LongAdder();
    private final LongAdder liveBytes = new LongAdder();
    private final LongAdder liveErrors = new LongAdder();

    LoadRunner(LoadOptions options, LoadClient client, PrintStream err) {
        this.options = options;
        this.client = client;
        this.err = err;
        this.keys = new KeySpace("load/", options.objects());
        this.permits = new Semaphore(options.concurrency());
        for (Op op : Op.values()) {
            stats.put(op, new OpStats());
        }
    }

    LoadReport run() throws InterruptedException {
        if (!options.raw()) {
            Outcome bucket = client.createBucket();
            if (!bucket.ok()) {
                throw new IllegalStateException("cannot create bucket " + options.bucket() + ": " + bucket.error());
            }
            if (options.prefill()) {
                prefill();
            }
        }
        long start = System.nanoTime();
        long measureStart = start + options.warmup().toNanos();
        long end = options.count() > 0 ? Long.MAX_VALUE : measureStart + options.duration().toNanos();
        ScheduledExecutorService progress = options.quiet() ? null : startProgress(start, measureStart);
        long issued = 0;
        long clientCpu0 = -1;
        long serverCpu0 = -1;
        boolean measuring = false;
        try {
            while (true) {
                permits.acquire();
                long now = System.nanoTime();
                if (now >= end || (options.count() > 0 && issued >= options.count())) {
                    permits.release();
                    break;
                }
                boolean measured = now >= measureStart;
                if (measured && !measuring) {
                    measuring = true;
                    clientCpu0 = CpuMeter.selfNanos();
                    serverCpu0 = options.serverPid() > 0 ? CpuMeter.processNanos(options.serverPid()) : -1;
                    measureStart = now;
                }
                if (start(measured)) {
                    issued += measured ? 1 : 0;
                } else {
                    permits.release();
                    LockSupport.parkNanos(100_000); // every key is in flight: let some complete
                }
            }
            permits.acquire(options.concurrency());
            permits.release(options.concurrency());
        } finally {
            if (progress != null) {
                progress.shutdownNow();
            }
        }
        long measureEnd = System.nanoTime();
        long clientCpu = clientCpu0 < 0 ? -1 : CpuMeter.selfNanos() - clientCpu0;
        long serverCpu = serverCpu0 < 0 ? -1 : CpuMeter.processNanos(options.serverPid()) - serverCpu0;
        Map<Op, OpStats.Snapshot> results = new EnumMap<>(Op.class);
        stats.forEach((op, s) -> {
            OpStats.Snapshot snap = s.snapshot();
            if (snap.count() > 0 || snap.errorCount() > 0) {
                results.put(op, snap);
            }
        });
        return new LoadReport(options, (measuring ? measureEnd - measureStart : 0) / 1e9, results, clientCpu,
                serverCpu);
    }

    /** Starts one operation holding a permit; false when it could not (no free key), the permit still held. */
    private boolean start(boolean measured) {
        Op op = options.raw() ? Op.RAW : options.ops().pick(random);
        int key = -1;
        long size = 0;
        if (op.readsKey()) {
            key = keys.claimWritten(random);
            if (key < 0) {
                op = Op.PUT;
            }
        }
        if (op == Op.PUT || op == Op.MPU) {
            key = keys.claimAny(random);
            if (key < 0) {
                return false;
            }
            size = options.sizes().pick(random);
        }
        if (op.readsKey()) {
            size = keys.sizeOf(key);
        }
        launch(op, key, size, measured);
        return true;
    }

    private void launch(Op op, int key, long size, boolean measured) {
        String name = key < 0 ? null : keys.name(key);
        long t0 = System.nanoTime();
        CompletableFuture<Outcome> f;
        try {
            f = switch (op) {
                case PUT -> client.put(name, size);
                case MPU -> client.multipartPut(name, size);
                case GET -> client.get(name, size);
                case HEAD -> client.head(name);
                case DELETE -> client.delete(name);
                case LIST -> client.list("load/");
                case RAW -> client.raw();
            };
        } catch (RuntimeException e) {
            f = CompletableFuture.completedFuture(Outcome.of(e));
        }
        f.whenComplete((outcome, failure) -> {
            try {
                long nanos = System.nanoTime() - t0;
                Outcome o = failure != null ? Outcome.of(failure) : outcome;
                settleKey(op, key, size, o);
                liveOps.increment();
                liveBytes.add(o.bytes());
                if (!o.ok()) {
                    liveErrors.increment();
                }
                if (measured) {
                    if (o.ok()) {
                        stats.get(op).success(nanos, o.bytes());
                    } else {
                        stats.get(op).failure(o.error());
                    }
                }
            } finally {
                permits.release();
            }
        });
    }

    private void settleKey(Op op, int key, long size, Outcome o) {
        if (key < 0) {
            return;
        }
        switch (op) {
            case PUT, MPU -> keys.release(key, o.ok() ? size : -1); // a failed write leaves the key unknown
            case DELETE -> {
                if (o.ok()) {
                    keys.release(key, -1);
                } else {
                    keys.release(key);
                }
            }
            default -> keys.release(key);
        }
    }

    /** Writes every key once, {@code concurrency} at a time, unmeasured; failures are summarized on stderr. */
    private void prefill() throws InterruptedException {
        Map<String, Long> failures = new TreeMap<>();
        long t0 = System.nanoTime();
        for (int k = 0; k < keys.size(); k++) {
            permits.acquire();
            keys.claim(k);
            int key = k;
            long size = options.sizes().pick(random);
            client.put(keys.name(k), size).whenComplete((o, t) -> {
                try {
                    Outcome outcome = t != null ? Outcome.of(t) : o;
                    keys.release(key, outcome.ok() ? size : -1);
                    if (!outcome.ok()) {
                        synchronized (failures) {
                            failures.merge(outcome.error(), 1L, Long::sum);
                        }
                    }
                } finally {
                    permits.release();
                }
            });
        }
        permits.acquire(options.concurrency());
        permits.release(options.concurrency());
        if (!options.quiet()) {
            err.printf("prefill: %d objects in %.1fs%s%n", keys.size(), (System.nanoTime() - t0) / 1e9,
                    failures.isEmpty() ? "" : ", failed: " + failures);
        }
    }

    private ScheduledExecutorService startProgress(long start, long measureStart) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-progress");
            t.setDaemon(true);
            return t;
        });
        long[] last = {0, 0, System.nanoTime()};
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            long ops = liveOps.sum();
            long bytes = liveBytes.sum();
            double secs = (now - last[2]) / 1e9;
            err.printf("[%4.0fs] %-6s %9.0f ops/s %9.1f MB/s  errors %d%n", (now - start) / 1e9,
                    now < measureStart ? "warmup" : "run", (ops - last[0]) / secs, (bytes - last[1]) / secs / 1e6,
                    liveErrors.sum());
            last[0] = ops;
            last[1] = bytes;
            last[2] = now;
        }, 1, 1, TimeUnit.SECONDS);
        return timer;
    }
}
