package dev.cairn.storage.erasure;

/** Where reads and writes report objects that have missing, stale or corrupt shards. Must not block. */
@FunctionalInterface
public interface HealScheduler {
    void queue(String bucket, String key, String versionId);

    HealScheduler NONE = (b, k, v) -> { };
}
