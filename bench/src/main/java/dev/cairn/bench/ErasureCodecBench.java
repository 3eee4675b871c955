package dev.cairn.bench;

import dev.cairn.storage.codec.Codecs;
import dev.cairn.storage.codec.ErasureCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Erasure codec throughput with 1 MiB of object data per operation (each data shard is ceil(1 MiB / k)
 * bytes). The {@code megabytes} secondary result is the data rate in MB/s (10^6 bytes of data shards per
 * second), the figure to compare across geometries; the primary result is operations per second.
 *
 * <p>{@code reconstruct} loses data shards 0 and 1 and rebuilds them from the other k-2 data shards and two
 * parity shards: the common degraded read.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ErasureCodecBench {

    private static final int OBJECT_BYTES = 1 << 20;

    @Param({"java", "vector", "isal"})
    public String impl;

    @Param({"12+4", "4+2"})
    public String geometry;

    /** {@code heap}: ByteBuffer.allocate; {@code direct}: ByteBuffer.allocateDirect. */
    @Param({"heap", "direct"})
    public String buffers;

    private ErasureCodec codec;
    private ByteBuffer[] data;
    private ByteBuffer[] parity;
    private ByteBuffer[] stripe;
    private boolean[] twoDataShardsLost;
    private double dataMegabytes;

    /** Counts megabytes of data processed; JMH reports it per second, i.e. as MB/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class DataRate {
        public double megabytes;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        String[] km = geometry.split("\\+");
        int k = Integer.parseInt(km[0]);
        int m = Integer.parseInt(km[1]);
        codec = Codecs.Implementation.of(impl).create(k, m);
        int shardBytes = (OBJECT_BYTES + k - 1) / k;
        dataMegabytes = (double) shardBytes * k / 1e6;
        stripe = new ByteBuffer[k + m];
        Random random = new Random(1);
        for (int i = 0; i < stripe.length; i++) {
            byte[] bytes = new byte[shardBytes];
            random.nextBytes(bytes);
            stripe[i] = buffers.equals("direct") ? ByteBuffer.allocateDirect(shardBytes) : ByteBuffer.allocate(shardBytes);
            stripe[i].put(0, bytes);
        }
        data = Arrays.copyOfRange(stripe, 0, k);
        parity = Arrays.copyOfRange(stripe, k, k + m);
        codec.encodeParity(data, parity);
        twoDataShardsLost = new boolean[k + m];
        Arrays.fill(twoDataShardsLost, true);
        twoDataShardsLost[0] = false;
        twoDataShardsLost[1] = false;
    }

    @Benchmark
    public ByteBuffer[] encode(DataRate rate) {
        codec.encodeParity(data, parity);
        rate.megabytes += dataMegabytes;
        return parity;
    }

    @Benchmark
    public ByteBuffer[] reconstruct(DataRate rate) {
        codec.reconstruct(stripe, twoDataShardsLost);
        rate.megabytes += dataMegabytes;
        return stripe;
    }
}
