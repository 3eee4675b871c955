package dev.cairn.storage.erasure;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Where an object's shards go inside its set: a rotation of the shard numbers chosen by the key. */
final class Placement {
    private Placement() {
    }

    /**
     * Shard number (1-based) for each of {@code n} positions: starting at {@code crc32(bucket/key) mod n}, so
     * that data shards of different keys land on different drives.
     */
    static int[] distribution(String bucket, String key, int n) {
        CRC32 crc = new CRC32();
        crc.update((bucket + "/" + key).getBytes(StandardCharsets.UTF_8));
        int start = (int) (crc.getValue() % n);
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = 1 + (start + i) % n;
        }
        return d;
    }
}
