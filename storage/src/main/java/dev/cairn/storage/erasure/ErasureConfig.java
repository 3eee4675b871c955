package dev.cairn.storage.erasure;

/**
 * Tunables of the erasure layer.
 *
 * @param standardParity        parity shards for STANDARD objects
 * @param reducedParity         parity shards for REDUCED_REDUNDANCY objects
 * @param blockSize             bytes of object data per erasure block
 * @param inlineLimit           largest per-drive shard file (bitrot framing included) kept inside
 *                              {@code cairn.meta} in unversioned buckets
 * @param inlineLimitVersioned  the same for versioned buckets, smaller because every version of the key
 *                              shares the meta file
 * @param lockTimeoutMillis     how long a request waits for a key's lock
 */
public record ErasureConfig(int standardParity, int reducedParity, int blockSize, int inlineLimit,
                            int inlineLimitVersioned, long lockTimeoutMillis) {

    public static final int DEFAULT_BLOCK_SIZE = 1 << 20;

    public static ErasureConfig defaults(int standardParity, int reducedParity) {
        return new ErasureConfig(standardParity, reducedParity, DEFAULT_BLOCK_SIZE, 128 * 1024, 16 * 1024, 30_000);
    }
}
