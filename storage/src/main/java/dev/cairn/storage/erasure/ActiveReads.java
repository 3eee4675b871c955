package dev.cairn.storage.erasure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data directories that GETs are streaming from. A read holds the key's lock only while it resolves the version
 * and registers here; an overwrite that replaces the version then defers deleting the old data directory until
 * the last such read has closed. So a slow or stalled client never blocks writers of the key, and a read never
 * loses its data mid-stream.
 */
final class ActiveReads {
    private static final class Entry {
        int readers;
        final List<Runnable> pending = new ArrayList<>();
    }

    private final Map<String, Entry> byDir = new HashMap<>();

    private static String name(String bucket, String path, UUID dataDir) {
        return bucket + "/" + path + "/" + dataDir;
    }

    /** Registers a reader; the returned action unregisters it (once; later calls do nothing). */
    Runnable enter(String bucket, String path, UUID dataDir) {
        String name = name(bucket, path, dataDir);
        synchronized (this) {
            byDir.computeIfAbsent(name, k -> new Entry()).readers++;
        }
        boolean[] left = new boolean[1];
        return () -> {
            List<Runnable> run = List.of();
            synchronized (this) {
                if (left[0]) {
                    return;
                }
                left[0] = true;
                Entry e = byDir.get(name);
                if (--e.readers == 0) {
                    byDir.remove(name);
                    run = e.pending;
                }
            }
            run.forEach(ActiveReads::quietly);
        };
    }

    /** Runs {@code deletion} now when nobody reads the directory, else when its last reader leaves. */
    void deleteWhenUnread(String bucket, String path, UUID dataDir, Runnable deletion) {
        synchronized (this) {
            Entry e = byDir.get(name(bucket, path, dataDir));
            if (e != null) {
                e.pending.add(deletion);
                return;
            }
        }
        deletion.run();
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // an unreadable drive keeps the old data; it is only space
        }
    }

    synchronized int size() {
        return byDir.size();
    }
}
