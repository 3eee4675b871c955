package dev.cairn.bench;

import dev.cairn.storage.meta.ErasureInfo;
import dev.cairn.storage.meta.MetaCodec;
import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;
import dev.cairn.storage.meta.PartInfo;
import dev.cairn.storage.meta.VersionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * {@code cairn.meta} encode and decode, as every commit (encode, 4 times for 4 drives) and every read (decode, once
 * per drive) does them: a key with {@code versions} versions, each with typical system metadata, 4 user headers and
 * either an inline 2 KiB shard (a small object's) or 10 parts (a multipart object's). Operations per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class MetaCodecBench {

    @Param({"1", "10"})
    public int versions;

    @Param({"inline", "multipart"})
    public String shape;

    ObjectMeta meta;
    byte[] encoded;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(versions);
        List<ObjectVersion> all = new ArrayList<>();
        for (int v = 0; v < versions; v++) {
            TreeMap<String, String> metadata = new TreeMap<>();
            metadata.put("content-type", "application/octet-stream");
            metadata.put("etag", "9b2cf535f27731c974343645a3985328");
            for (int i = 0; i < 4; i++) {
                metadata.put("x-amz-meta-header-" + i, "value number " + i);
            }
            boolean inline = shape.equals("inline");
            List<PartInfo> parts = new ArrayList<>();
            for (int p = 1; p <= (inline ? 1 : 10); p++) {
                parts.add(new PartInfo(p, 5L << 20, 5L << 20, "d41d8cd98f00b204e9800998ecf8427" + (p % 10)));
            }
            byte[] shard = null;
            if (inline) {
                shard = new byte[2048 + 32];
                random.nextBytes(shard);
            }
            all.add(new ObjectVersion(new UUID(random.nextLong(), random.nextLong()), VersionType.OBJECT,
                    1_700_000_000_000L + v, inline ? null : UUID.randomUUID(), inline ? 4096 : 50L << 20,
                    new ErasureInfo(2, 2, 1 << 20, 1, new int[] {1, 2, 3, 4}), parts, metadata, shard));
        }
        meta = new ObjectMeta(all);
        encoded = MetaCodec.encode(meta);
    }

    @Benchmark
    public byte[] encode() {
        return MetaCodec.encode(meta);
    }

    @Benchmark
    public ObjectMeta decode() {
        return MetaCodec.decode(encoded);
    }
}
