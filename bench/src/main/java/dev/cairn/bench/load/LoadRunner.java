package dev.cairn.bench.load;

import dev.cairn.bench.load.http.EventLoop;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs a load: {@code concurrency} slots, each with its own keep-alive connection, spread over one event loop per
 * core (at most one per slot). A slot chooses an operation (from the mix) and a key (from the {@link KeySpace}),
 * starts it, and when it ends records it and starts the next, on its loop's thread: exactly {@code concurrency}
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

    LoadReport run() throws InterruptedException, IOException {
        SplittableRandom seeds = new SplittableRandom();
        List<EventLoop> loops = new ArrayList<>();
        try {
            // As many loops as cores, as wrk is run with: the same share of a busy machine's scheduler as it gets.
            int n = Math.min(options.concurrency(), Runtime.getRuntime().availableProcessors());
            for (int i = 0; i < n; i++) {
                loops.add(new EventLoop("load-" + i));
            }
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < options.concurrency(); i++) {
                EventLoop loop = loops.get(i % n);
                slots.add(new Slot(loop, new S3Session(options, signer, loop), seeds.split()));
            }
            if (!options.raw()) {
                CompletableFuture<Outcome> bucket = new CompletableFuture<>();
                Slot first = slots.getFirst();
                first.loop.execute(() -> first.session.createBucket(bucket::complete));
                Outcome created = bucket.join();
                if (!created.ok()) {
                    throw new IllegalStateException("cannot create bucket " + options.bucket() + ": "
                            + created.error());
                }
                if (options.prefill()) {
                    prefill(slots);
                }
            }
            return measure(slots);
        } finally {
            stopping = true;
            loops.forEach(EventLoop::close);
        }
    }

    private LoadReport measure(List<Slot> slots) throws InterruptedException {
        long start = System.nanoTime();
        ScheduledExecutorService progress = options.quiet() ? null
                : startProgress(start, start + options.warmup().toNanos());
        try {
            CountDownLatch idle = startAll(slots, Slot::load);
            sleepUntil(start + options.warmup().toNanos());
            double loadBefore = CpuMeter.loadAverage();
            long clientCpu0 = CpuMeter.selfNanos();
            long serverCpu0 = CpuMeter.processNanos(options.serverPids());
            long measureStart = System.nanoTime();
            measuring = true;
            if (options.count() == 0) {
                sleepUntil(measureStart + options.duration().toNanos());
                stopping = true;
                // Every request ends by its timeout at the latest; a slot still busy after that has lost its way.
                if (!idle.await(options.timeout().toSeconds() + 30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(idle.getCount() + " of " + slots.size()
                            + " connections did not finish (see the errors above)");
                }
            } else {
                idle.await();
            }
            long seconds = System.nanoTime() - measureStart;
            long clientCpu = clientCpu0 < 0 ? -1 : CpuMeter.selfNanos() - clientCpu0;
            long serverCpu1 = CpuMeter.processNanos(options.serverPids());
            long serverCpu = serverCpu0 < 0 || serverCpu1 < 0 ? -1 : serverCpu1 - serverCpu0;
            return new LoadReport(options, seconds / 1e9, results(slots), clientCpu, serverCpu, loadBefore,
                    CpuMeter.loadAverage());
        } finally {
            stopping = true;
            if (progress != null) {
                progress.shutdownNow();
            }
        }
    }

    private static Map<Op, OpStats.Snapshot> results(List<Slot> slots) {
        Map<Op, OpStats.Snapshot> results = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            OpStats.Snapshot s = OpStats.Snapshot.sum(slots.stream().map(w -> w.stats.get(op).snapshot()).toList());
            if (s.count() > 0 || s.errorCount() > 0) {
                results.put(op, s);
            }
        }
        return results;
    }

    /** Writes every key once, all slots at once, unmeasured; failures are summarized on stderr. */
    private void prefill(List<Slot> slots) throws InterruptedException {
        Map<String, Long> failures = new TreeMap<>();
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        startAll(slots, (slot, idle) -> slot.prefill(next, failures, idle)).await();
        if (!options.quiet()) {
            err.printf("prefill: %d objects in %.1fs%s%n", keys.size(), (System.nanoTime() - t0) / 1e9,
                    failures.isEmpty() ? "" : ", failed: " + failures);
        }
    }

    /** Starts {@code program} on every slot's loop; the latch opens when every slot has stopped. */
    private static CountDownLatch startAll(List<Slot> slots, BiConsumer<Slot, CountDownLatch> program) {
        CountDownLatch idle = new CountDownLatch(slots.size());
        for (Slot slot : slots) {
            slot.loop.execute(() -> program.accept(slot, idle));
        }
        return idle;
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** One request in flight at a time on its own connection; its statistics are its own until the run ends. */
    private final class Slot {
        final EventLoop loop;
        final S3Session session;
        final SplittableRandom random;
        final Map<Op, OpStats> stats = new EnumMap<>(Op.class);

        Slot(EventLoop loop, S3Session session, SplittableRandom random) {
            this.loop = loop;
            this.session = session;
            this.random = random;
            for (Op op : Op.values()) {
                stats.put(op, new OpStats());
            }
        }

        /** Starts the next operation of the load, or counts down {@code idle} once the load is over. */
        void load(CountDownLatch idle) {
            if (stopping) {
                idle.countDown();
                return;
            }
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
                    loop.later(() -> load(idle)); // every key is in flight: try again after the loop's next turn
                    return;
                }
            }
            if (measured && options.count() > 0 && issued.getAndIncrement() >= options.count()) {
                if (key >= 0) {
                    keys.release(key);
                }
                idle.countDown();
                return;
            }
            long size = op == Op.PUT || op == Op.MPU ? options.sizes().pick(random)
                    : op.readsKey() ? keys.sizeOf(key) : 0;
            execute(op, key, size, measured, () -> load(idle));
        }

        /** Writes the next key not yet taken by a slot, or counts down {@code idle} when none is left. */
        void prefill(AtomicInteger next, Map<String, Long> failures, CountDownLatch idle) {
            int k = next.getAndIncrement();
            if (k >= keys.size()) {
                idle.countDown();
                return;
            }
            keys.claim(k);
            long size = options.sizes().pick(random);
            session.put(keys.name(k), size, o -> {
                keys.release(k, o.ok() ? size : -1);
                if (!o.ok()) {
                    synchronized (failures) {
                        failures.merge(o.error(), 1L, Long::sum);
                    }
                }
                prefill(next, failures, idle);
            });
        }

        private void execute(Op op, int key, long size, boolean measured, Runnable then) {
            String name = key < 0 ? null : keys.name(key);
            long t0 = System.nanoTime();
            Consumer<Outcome> done = o -> {
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
                then.run();
            };
            try {
                switch (op) {
                    case PUT -> session.put(name, size, done);
                    case MPU -> session.multipartPut(name, size, done);
                    case GET -> session.get(name, size, done);
                    case HEAD -> session.head(name, done);
                    case DELETE -> session.delete(name, done);
                    case LIST -> session.list("load/", done);
                    case RAW -> session.raw(done);
                }
            } catch (RuntimeException e) {
                loop.later(() -> done.accept(Outcome.of(e)));
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
