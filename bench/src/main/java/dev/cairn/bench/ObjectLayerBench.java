package dev.cairn.bench;

import dev.cairn.storage.codec.Codecs;
import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.LocalDrive;
import dev.cairn.storage.erasure.ErasureConfig;
import dev.cairn.storage.erasure.ErasureSet;
import dev.cairn.storage.erasure.ErasureSets;
import dev.cairn.storage.erasure.HealScheduler;
import dev.cairn.storage.erasure.NamespaceLocks;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.PutOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ObjectLayer put and get of one 64 MiB object on 4 drives (EC 2+2) in a temp directory, against the floor:
 * the same 64 MiB written (and synced) or read with plain FileChannel calls, split over the same 4 drives.
 * Time per operation; MB/s = 64 / seconds. Erasure coding writes twice the bytes (2 data + 2 parity shards).
 * Set {@code -Dcairn.bench.dir=...} to put the drives on a particular disk (default: java.io.tmpdir).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Xmx2g"})
public class ObjectLayerBench {

    static final int SIZE = 64 << 20;
    static final int DRIVES = 4;

    Path base;
    ErasureSets layer;
    ExecutorService executor;
    byte[] pattern;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        base = Files.createTempDirectory(Path.of(System.getProperty("cairn.bench.dir",
                System.getProperty("java.io.tmpdir"))), "cairn-bench");
        executor = Executors.newVirtualThreadPerTaskExecutor();
        Drive[] drives = new Drive[DRIVES];
        for (int i = 0; i < DRIVES; i++) {
            LocalDrive d = LocalDrive.open(base.resolve("d" + i).toString());
            d.makeVolume(Drive.SYSTEM_VOLUME);
            drives[i] = d;
        }
        ErasureConfig config = ErasureConfig.defaults(2, 1);
        ErasureSet set = new ErasureSet(0, drives, config, Codecs::create, executor,
                new NamespaceLocks(config.lockTimeoutMillis()), HealScheduler.NONE, InstantSource.system());
        layer = new ErasureSets(List.of(set), UUID.randomUUID(), executor);
        layer.makeBucket("bench");
        pattern = new byte[1 << 20];
        new Random(1).nextBytes(pattern);
        layer.putObject("bench", "read-me", body(), SIZE, PutOptions.defaults());
        for (int i = 0; i < DRIVES; i++) {
            writeSlice(base.resolve("d" + i).resolve("plain-read"), SIZE / DRIVES);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        executor.shutdownNow();
        try (Stream<Path> s = Files.walk(base)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** 64 MiB from a repeated 1 MiB random pattern: no generation cost in the measurement. */
    InputStream body() {
        return new InputStream() {
            long left = SIZE;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int at = (int) ((SIZE - left) % pattern.length);
                int n = (int) Math.min(Math.min(len, left), pattern.length - at);
                System.arraycopy(pattern, at, b, off, n);
                left -= n;
                return n;
            }
        };
    }

    @Benchmark
    public Object putObject64MiB() {
        return layer.putObject("bench", "write-me", body(), SIZE, PutOptions.defaults());
    }

    @Benchmark
    public long getObject64MiB() throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try (ObjectStream s = layer.getObject("bench", "read-me", null, null)) {
            for (int n; (n = s.body().read(buf)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    /** The floor for a put: 16 MiB to each drive in parallel, synced, as one would write it by hand. */
    @Benchmark
    public void plainFileChannelWrite64MiB() {
        CompletableFuture<?>[] writes = new CompletableFuture<?>[DRIVES];
        for (int i = 0; i < DRIVES; i++) {
            Path file = base.resolve("d" + i).resolve("plain-write");
            writes[i] = CompletableFuture.runAsync(() -> writeSlice(file, SIZE / DRIVES), executor);
        }
        CompletableFuture.allOf(writes).join();
    }

    /** The floor for a get: 16 MiB from each drive in parallel through FileChannel. */
    @Benchmark
    public long plainFileChannelRead64MiB() {
        CompletableFuture<Long>[] reads = new CompletableFuture[DRIVES];
        for (int i = 0; i < DRIVES; i++) {
            Path file = base.resolve("d" + i).resolve("plain-read");
            reads[i] = CompletableFuture.supplyAsync(() -> readAll(file), executor);
        }
        long total = 0;
        for (CompletableFuture<Long> r : reads) {
            total += r.join();
        }
        return total;
    }

    private void writeSlice(Path file, int size) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int done = 0; done < size; done += pattern.length) {
                ByteBuffer b = ByteBuffer.wrap(pattern, 0, Math.min(pattern.length, size - done));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            ch.force(false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long readAll(Path file) {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long total = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int n; (n = ch.read(buf.clear())) > 0; ) {
                total += n;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return total;
    }
}
