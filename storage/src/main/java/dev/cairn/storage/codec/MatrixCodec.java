package dev.cairn.storage.codec;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The part of every implementation that is pure linear algebra: argument checks, the parity rows of the
 * {@link EncodeMatrix}, and {@link DecodePlan}s cached per present-pattern. Subclasses contribute only the
 * {@link ShardMultiplier} factory, which is where speed lives.
 */
abstract class MatrixCodec implements ErasureCodec {

    /**
     * Bound on cached decode plans. A plan costs one k×k inversion (microseconds) plus the multiplier's tables
     * (up to ~300 bytes per coefficient, 73 KiB for 16 lost of 16+16), so the cache only saves work for
     * repeated failure patterns, which are few at a time on a node; when full it is simply emptied.
     */
    private static final int PLAN_CACHE_LIMIT = 64;

    private final EncodeMatrix matrix;
    private final Function<byte[][], ShardMultiplier> multipliers;
    private final ShardMultiplier encoder;
    private final ConcurrentHashMap<BitSet, DecodePlan> plans = new ConcurrentHashMap<>();

    MatrixCodec(int dataShards, int parityShards, Function<byte[][], ShardMultiplier> multipliers) {
        this.matrix = EncodeMatrix.of(dataShards, parityShards);
        this.multipliers = multipliers;
        this.encoder = parityShards == 0 ? null : multipliers.apply(matrix.parityRows());
    }

    @Override
    public final int dataShards() {
        return matrix.dataShards();
    }

    @Override
    public final int parityShards() {
        return matrix.parityShards();
    }

    @Override
    public final void encodeParity(ByteBuffer[] data, ByteBuffer[] parity) {
        int length = ShardBuffers.checkSameLength(data, dataShards(), "data", -1);
        ShardBuffers.checkSameLength(parity, parityShards(), "parity", length);
        for (int p = 0; p < parity.length; p++) {
            ShardBuffers.checkWritable(parity[p], "parity", p);
        }
        if (encoder != null && length > 0) {
            encoder.multiply(data, parity);
        }
    }

    @Override
    public final void reconstruct(ByteBuffer[] shards, boolean[] present) {
        int total = matrix.totalShards();
        int length = ShardBuffers.checkSameLength(shards, total, "stripe", -1);
        if (present == null || present.length != total) {
            throw new IllegalArgumentException("expected " + total + " present flags, got "
                    + (present == null ? "none" : present.length));
        }
        BitSet pattern = new BitSet(total);
        for (int i = 0; i < total; i++) {
            if (present[i]) {
                pattern.set(i);
            } else {
                ShardBuffers.checkWritable(shards[i], "missing", i);
            }
        }
        DecodePlan.requireEnough(dataShards(), pattern.cardinality());
        if (pattern.cardinality() == total || length == 0) {
            return;
        }
        DecodePlan plan = plan(pattern);
        plan.multiplier().multiply(ShardBuffers.select(shards, plan.sources()),
                ShardBuffers.select(shards, plan.targets()));
    }

    private DecodePlan plan(BitSet pattern) {
        DecodePlan cached = plans.get(pattern);
        if (cached != null) {
            return cached;
        }
        DecodePlan plan = DecodePlan.of(matrix, pattern, multipliers);
        if (plans.size() >= PLAN_CACHE_LIMIT) {
            plans.clear();
        }
        plans.putIfAbsent(pattern, plan);
        return plan;
    }

    @Override
    public String toString() {
        return implementation() + "[" + dataShards() + "+" + parityShards() + "]";
    }
}
