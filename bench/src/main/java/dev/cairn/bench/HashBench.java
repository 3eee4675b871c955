package dev.cairn.bench;

import dev.cairn.storage.hash.HighwayHash256;
import dev.cairn.storage.hash.HighwayImpl;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
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
 * Bitrot-checksum throughput: HighwayHash-256 per engine and size, against MD5, SHA-256 and CRC32C on 1 MiB.
 * Every benchmark adds its input length to the {@code bytes} counter, so JMH's {@code :bytes} rows are bytes per
 * second (divide by 1e9 for GB/s); the plain rows are hashes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class HashBench {

    private static final int MIB = 1 << 20;

    /** HighwayHash inputs: one heap array and one direct buffer (shards are read into either). */
    @State(Scope.Thread)
    public static class HighwayInput {
        @Param({"4096", "65536", "1048576"})
        public int size;

        @Param({"SCALAR", "VECTOR"})
        public HighwayImpl impl;

        byte[] array;
        ByteBuffer direct;
        final byte[] out = new byte[HighwayHash256.HASH_BYTES];

        @Setup(Level.Trial)
        public void setUp() {
            array = randomBytes(size);
            direct = ByteBuffer.allocateDirect(size).put(array).flip();
        }
    }

    /** The 1 MiB input of the comparison hashes. */
    @State(Scope.Thread)
    public static class MibInput {
        byte[] array;
        MessageDigest md5;
        MessageDigest sha256;
        final CRC32C crc = new CRC32C();

        @Setup(Level.Trial)
        public void setUp() throws NoSuchAlgorithmException {
            array = randomBytes(MIB);
            md5 = MessageDigest.getInstance("MD5");
            sha256 = MessageDigest.getInstance("SHA-256");
        }
    }

    /** Bytes hashed; reported by JMH as a rate, i.e. bytes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Benchmark
    public byte[] highwayArray(HighwayInput in, Bytes counter) {
        counter.bytes += in.size;
        return HighwayHash256.hash(in.impl, HighwayHash256.BITROT_KEY, in.array, 0, in.size);
    }

    @Benchmark
    public byte[] highwayDirectBuffer(HighwayInput in, Bytes counter) {
        counter.bytes += in.size;
        HighwayHash256.hash(in.impl, HighwayHash256.BITROT_KEY, in.direct, in.out, 0);
        return in.out;
    }

    @Benchmark
    public byte[] md5(MibInput in, Bytes counter) {
        counter.bytes += MIB;
        return in.md5.digest(in.array);
    }

    @Benchmark
    public byte[] sha256(MibInput in, Bytes counter) {
        counter.bytes += MIB;
        return in.sha256.digest(in.array);
    }

    @Benchmark
    public long crc32c(MibInput in, Bytes counter) {
        counter.bytes += MIB;
        in.crc.reset();
        in.crc.update(in.array, 0, MIB);
        return in.crc.getValue();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
