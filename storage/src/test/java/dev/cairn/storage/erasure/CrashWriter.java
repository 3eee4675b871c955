package dev.cairn.storage.erasure;

import dev.cairn.storage.codec.Codecs;
import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.ForwardingDrive;
import dev.cairn.storage.drive.LocalDrive;
import dev.cairn.storage.drive.RenameResult;
import dev.cairn.storage.meta.ObjectVersion;
import dev.cairn.storage.object.PutOptions;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Run as its own JVM by {@link CrashBeforeCommitTest}: writes one object over the given drives and halts the
 * JVM (no shutdown hooks, no finally blocks) when the commit is about to rename on drive number
 * {@code haltAt}: drives before it have committed, the others hold only staged shards.
 *
 * <p>args: haltAt size drive...
 */
public final class CrashWriter {

    private static final Object ORDER = new Object();
    private static int renames;

    public static void main(String[] args) {
        int haltAt = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        List<String> roots = List.of(args).subList(2, args.length);
        Drive[] drives = new Drive[roots.size()];
        for (int i = 0; i < drives.length; i++) {
            drives[i] = new ForwardingDrive(new LocalDrive(Path.of(roots.get(i)))) {
                @Override
                public RenameResult renameData(String srcVolume, String srcPath, ObjectVersion version,
                                               String dstVolume, String dstPath) {
                    // one commit at a time, so "halt at the n-th" is exact
                    synchronized (ORDER) {
                        if (renames++ == haltAt) {
                            Runtime.getRuntime().halt(137);
                        }
                        return super.renameData(srcVolume, srcPath, version, dstVolume, dstPath);
                    }
                }
            };
        }
        int parity = drives.length / 2;
        ErasureConfig config = ErasureConfig.defaults(parity, 1);
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        ErasureSet set = new ErasureSet(0, drives, config, Codecs::create, executor,
                new NamespaceLocks(5_000), HealScheduler.NONE, InstantSource.system());
        ErasureSets layer = new ErasureSets(List.of(set), UUID.randomUUID(), executor);
        byte[] data = TestSets.random(99, size);
        layer.putObject("bucket", "obj", new ByteArrayInputStream(data), size, PutOptions.defaults());
        System.exit(0); // all renames done: the write was acknowledged
    }
}
