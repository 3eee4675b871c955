package dev.cairn.storage.codec;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.Function;

/**
 * How to rebuild the missing shards of one present-pattern in a single pass over k present shards.
 *
 * <p>With {@code S} the k source rows of the {@link EncodeMatrix} (the first k present shards, data shards
 * first since their rows are the identity) and {@code T} the rows of the missing shards, the stripe's data is
 * {@code S^-1 × sources}, so the missing shards are {@code (T × S^-1) × sources}. Computing missing data and
 * missing parity together this way reads each source once, instead of decoding data and then re-encoding.
 *
 * @param sources    shard indexes read, ascending, exactly k of them
 * @param targets    shard indexes rebuilt, ascending (every shard not present)
 * @param multiplier {@code T × S^-1} prepared by the owning implementation
 */
record DecodePlan(int[] sources, int[] targets, ShardMultiplier multiplier) {

    /**
     * @param present bit i set when shard i is present
     * @throws IllegalArgumentException when fewer than k shards are present
     */
    static DecodePlan of(EncodeMatrix matrix, BitSet present,
                         Function<byte[][], ShardMultiplier> multipliers) {
        int k = matrix.dataShards();
        int[] sources = new int[k];
        int total = matrix.totalShards();
        int[] targets = new int[total];
        int sourceCount = 0;
        int targetCount = 0;
        for (int i = 0; i < total; i++) {
            if (!present.get(i)) {
                targets[targetCount++] = i;
            } else if (sourceCount < k) {
                sources[sourceCount++] = i;
            }
        }
        requireEnough(k, sourceCount);
        targets = Arrays.copyOf(targets, targetCount);
        if (targetCount == 0) {
            return new DecodePlan(sources, targets, null);
        }
        byte[][] decode = GaloisField.multiply(matrix.rows(targets), GaloisField.invert(matrix.rows(sources)));
        return new DecodePlan(sources, targets, multipliers.apply(decode));
    }

    static void requireEnough(int needed, int present) {
        if (present < needed) {
            throw new IllegalArgumentException(
                    "cannot reconstruct: need " + needed + " shards, only " + present + " present");
        }
    }
}
