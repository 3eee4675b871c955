package dev.cairn.storage.erasure;

import dev.cairn.storage.codec.Codecs;
import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.LocalDrive;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.PutOptions;
import dev.cairn.storage.object.RangeSpec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Builds erasure sets over temporary directories, each drive a {@link FaultyDrive}, for tests. */
final class TestSets implements AutoCloseable {
    final List<FaultyDrive> drives = new ArrayList<>();
    final List<Path> roots = new ArrayList<>();
    final ErasureSets layer;
    final Set<String> healQueued = ConcurrentHashMap.newKeySet();
    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    TestSets(Path base, int sets, int setSize, int parity, ErasureConfig base0) {
        ErasureConfig config = new ErasureConfig(parity, Math.min(parity, 1), base0.blockSize(), base0.inlineLimit(),
                base0.inlineLimitVersioned(), base0.lockTimeoutMillis());
        NamespaceLocks locks = new NamespaceLocks(config.lockTimeoutMillis());
        List<ErasureSet> list = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            Drive[] ds = new Drive[setSize];
            for (int i = 0; i < setSize; i++) {
                Path root = base.resolve("s" + s + "d" + i);
                root.toFile().mkdirs();
                roots.add(root);
                FaultyDrive d = new FaultyDrive(new LocalDrive(root));
                if (!root.resolve(Drive.SYSTEM_VOLUME).toFile().isDirectory()) {
                    d.makeVolume(Drive.SYSTEM_VOLUME); // what formatting does on a real node
                }
                drives.add(d);
                ds[i] = d;
            }
            list.add(new ErasureSet(s, ds, config, Codecs::create, executor, locks,
                    (b, k, v) -> healQueued.add(b + "/" + k), InstantSource.system()));
        }
        layer = new ErasureSets(list, UUID.randomUUID(), executor);
    }

    TestSets(Path base, int setSize, int parity) {
        this(base, 1, setSize, parity, ErasureConfig.defaults(parity, Math.min(parity, 1)));
    }

    static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    void put(String bucket, String key, byte[] data) {
        layer.putObject(bucket, key, new ByteArrayInputStream(data), data.length, PutOptions.defaults());
    }

    byte[] get(String bucket, String key) {
        return get(bucket, key, null, null);
    }

    byte[] get(String bucket, String key, String versionId, RangeSpec range) {
        try (ObjectStream s = layer.getObject(bucket, key, versionId, range)) {
            return s.body().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
