package dev.cairn.bench.load;

import dev.cairn.bench.load.http.TimeoutWatchdog;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Runs a load: {@code concurrency} workers, each a thread with its own connection that chooses an operation (from
 * the mix) and a key (from the {@link KeySpace}), runs it to its end and starts the next, so exactly that many
 * requests are in flight and no request waits for a thread. The main thread only keeps time.
 *
 * <p>Time runs as: prefill (optional, unmeasured), warmup (unmeasured), measured window. An operation belongs to
 * the window it started in; its latency runs from just before it is sent to the end of its response body. The
 * window closes when the last operation started in it has ended. A GET, HEAD or DELETE when no written key is free
 * runs as a PUT instead (the start of a run without prefill).
 */
final class LoadRunner {
    private final LoadOptions options;
    private final PrintStream err;
    private final KeySpace keys;
    private final SigV4Signer signer;
    private final LongAdder liveOps = new LongAdder();
    private final LongAdder liveBytes = new LongAdder();
    private final LongAdder liveErrors = new LongAdder();
    private final AtomicLong issued = new AtomicLong(); // measured operations started, for --count
    private volatile boolean measuring;
    private volatile boolean stopping;

    LoadRunner(LoadOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
        this.keys = new KeySpace("load/", options.objects());
        this.signer = options.raw() ? null
                : new SigV4Signer(options.accessKey(), options.secretKey(), options.region(), "s3");
    }

    LoadReport run() throws InterruptedException {
        SplittableRandom seeds = new SplittableRandom();
        List<Worker> workers = new ArrayList<>();
        try (TimeoutWatchdog watchdog = new TimeoutWatchdog()) {
            for (int i = 0; i < options.concurrency(); i++) {
                workers.add(new Worker(new S3Session(options, signer, watchdog), seeds.split()));
            }
            try {
                if (!options.raw()) {
                    Outcome bucket = workers.getFirst().session.createBucket();
                    if (!bucket.ok()) {
                        throw new IllegalStateException("cannot create bucket " + options.bucket() + ": "
                                + bucket.error());
                    }
                    if (options.prefill()) {
                        prefill(workers);
                    }
                }
                return measure(workers);
            } finally {
                workers.forEach(w -> w.session.close());
            }
        }
    }

    private LoadReport measure(List<Worker> workers) throws InterruptedException {
        long start = System.nanoTime();
        ScheduledExecutorService progress = options.quiet() ? null
                : startProgress(start, start + options.warmup().toNanos());
        try {
            List<Thread> threads = startAll(workers, Worker::load);
            sleepUntil(start + options.warmup().toNanos());
            double loadBefore = CpuMeter.loadAverage();
            long clientCpu0 = CpuMeter.selfNanos();
            long serverCpu0 = CpuMeter.processNanos(options.serverPids());
            long measureStart = System.nanoTime();
            measuring = true;
            if (options.count() == 0) {
                sleepUntil(measureStart + options.duration().toNanos());
                stopping = true;
            }
            joinAll(threads);
            long seconds = System.nanoTime() - measureStart;
            long clientCpu = clientCpu0 < 0 ? -1 : CpuMeter.selfNanos() - clientCpu0;
            long serverCpu1 = CpuMeter.processNanos(options.serverPids());
            long serverCpu = serverCpu0 < 0 || serverCpu1 < 0 ? -1 : serverCpu1 - serverCpu0;
            return new LoadReport(options, seconds / 1e9, results(workers), clientCpu, serverCpu, loadBefore,
                    CpuMeter.loadAverage());
        } finally {
            stopping = true;
            if (progress != null) {
                progress.shutdownNow();
            }
        }
    }

    private static Map<Op, OpStats.Snapshot> results(List<Worker> workers) {
        Map<Op, OpStats.Snapshot> results = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            OpStats.Snapshot s = OpStats.Snapshot.sum(workers.stream().map(w -> w.stats.get(op).snapshot()).toList());
            if (s.count() > 0 || s.errorCount() > 0) {
                results.put(op, s);
            }
        }
        return results;
    }

    /** Writes every key once, all workers at once, unmeasured; failures are summarized on stderr. */
    private void prefill(List<Worker> workers) throws InterruptedException {
        Map<String, Long> failures = new TreeMap<>();
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        joinAll(startAll(workers, w -> {
            for (int k = next.getAndIncrement(); k < keys.size(); k = next.getAndIncrement()) {
                keys.claim(k);
                long size = options.sizes().pick(w.random);
                Outcome o = w.session.put(keys.name(k), size);
                keys.release(k, o.ok() ? size : -1);
                if (!o.ok()) {
                    synchronized (failures) {
                        failures.merge(o.error(), 1L, Long::sum);
                    }
                }
            }
        }));
        if (!options.quiet()) {
            err.printf("prefill: %d objects in %.1fs%s%n", keys.size(), (System.nanoTime() - t0) / 1e9,
                    failures.isEmpty() ? "" : ", failed: " + failures);
        }
    }

    private static List<Thread> startAll(List<Worker> workers, Consumer<Worker> body) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Worker w = workers.get(i);
            // Platform threads: on virtual threads a read that would block parks through the JDK's poller, and
            // 4 KiB GETs from nginx took 35 instead of 28 us of client CPU each (half the GETs/s).
            threads.add(Thread.ofPlatform().daemon().name("load-" + i).start(() -> body.accept(w)));
        }
        return threads;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** One request in flight at a time on its own connection; its statistics are its own until the run ends. */
    private final class Worker {
        final S3Session session;
        final SplittableRandom random;
        final Map<Op, OpStats> stats = new EnumMap<>(Op.class);

        Worker(S3Session session, SplittableRandom random) {
            this.session = session;
            this.random = random;
            for (Op op : Op.values()) {
                stats.put(op, new OpStats());
            }
        }

        void load() {
            while (!stopping) {
                boolean measured = measuring;
                Op op = options.raw() ? Op.RAW : options.ops().pick(random);
                int key = -1;
                if (op.readsKey()) {
                    key = keys.claimWritten(random);
                    if (key < 0) {
                        op = Op.PUT;
                    }
                }
                if (op == Op.PUT || op == Op.MPU) {
                    key = keys.claimAny(random);
                    if (key < 0) {
                        LockSupport.parkNanos(100_000); // every key is in flight: let some complete
                        continue;
                    }
                }
                if (measured && options.count() > 0 && issued.getAndIncrement() >= options.count()) {
                    if (key >= 0) {
                        keys.release(key);
                    }
                    return;
                }
                long size = op == Op.PUT || op == Op.MPU ? options.sizes().pick(random)
                        : op.readsKey() ? keys.sizeOf(key) : 0;
                execute(op, key, size, measured);
            }
        }

        private void execute(Op op, int key, long size, boolean measured) {
            String name = key < 0 ? null : keys.name(key);
            long t0 = System.nanoTime();
            Outcome o;
            try {
                o = switch (op) {
                    case PUT -> session.put(name, size);
                    case MPU -> session.multipartPut(name, size);
                    case GET -> session.get(name, size);
                    case HEAD -> session.head(name);
                    case DELETE -> session.delete(name);
                    case LIST -> session.list("load/");
                    case RAW -> session.raw();
                };
            } catch (RuntimeException e) {
                o = Outcome.of(e);
            }
            long nanos = System.nanoTime() - t0;
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
        }
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
