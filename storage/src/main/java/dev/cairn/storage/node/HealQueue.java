package dev.cairn.storage.node;

import dev.cairn.storage.erasure.ErasureSets;
import dev.cairn.storage.erasure.HealScheduler;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Objects that reads and writes found damaged, healed one at a time by a background thread with deep shard
 * verification. Bounded and de-duplicated: when full, requests are dropped (and counted); the set heal after a
 * drive returns and later scans find what was dropped.
 */
final class HealQueue implements HealScheduler, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HealQueue.class);

    private record Item(String bucket, String key) {
    }

    private final LinkedBlockingQueue<Item> queue;
    private final Set<Item> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong healed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile ErasureSets layer;
    private final Thread worker;

    HealQueue(int capacity) {
        queue = new LinkedBlockingQueue<>(capacity);
        worker = Thread.ofVirtual().name("heal-queue").unstarted(this::run);
    }

    void start(ErasureSets layer) {
        this.layer = layer;
        worker.start();
    }

    @Override
    public void queue(String bucket, String key, String versionId) {
        Item item = new Item(bucket, key);
        if (pending.add(item) && !queue.offer(item)) {
            pending.remove(item);
            dropped.incrementAndGet();
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            pending.remove(item);
            try {
                var r = layer.healObject(item.bucket(), item.key(), true);
                healed.addAndGet(r.versionsHealed());
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                LOG.warnf("healing %s/%s failed: %s", item.bucket(), item.key(), e.getMessage());
            }
        }
    }

    long healed() {
        return healed.get();
    }

    long dropped() {
        return dropped.get();
    }

    long failed() {
        return failed.get();
    }

    int size() {
        return queue.size();
    }

    @Override
    public void close() {
        worker.interrupt();
    }
}
