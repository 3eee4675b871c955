package dev.cairn.bench;

import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.api.checksum.Checksummer;
import java.nio.ByteBuffer;
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
 * S3 flexible-checksum throughput on 1 MiB, per algorithm, from a heap array and from a direct buffer (the CRC-64
 * kernel stages direct buffers through a heap array). The {@code :bytes} rows are bytes per second (divide by 1e9
 * for GB/s); the plain rows are checksums per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ChecksumBench {

    private static final int MIB = 1 << 20;

    @State(Scope.Thread)
    public static class Input {
        @Param({"CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"})
        public ChecksumAlgorithm algorithm;

        byte[] array;
        ByteBuffer direct;
        Checksummer checksummer;

        @Setup(Level.Trial)
        public void setUp() {
            array = new byte[MIB];
            new Random(MIB).nextBytes(array);
            direct = ByteBuffer.allocateDirect(MIB).put(array).flip();
            checksummer = algorithm.newChecksummer();
        }
    }

    /** Bytes checksummed; reported by JMH as a rate, i.e. bytes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Benchmark
    public byte[] heapArray(Input in, Bytes counter) {
        counter.bytes += MIB;
        in.checksummer.update(in.array, 0, MIB);
        return in.checksummer.digest();
    }

    @Benchmark
    public byte[] directBuffer(Input in, Bytes counter) {
        counter.bytes += MIB;
        in.checksummer.update(in.direct.duplicate());
        return in.checksummer.digest();
    }
}
