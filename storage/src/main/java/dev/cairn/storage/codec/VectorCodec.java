package dev.cairn.storage.codec;

/**
 * Pure-Java SIMD codec on the incubating Vector API ({@code jdk.incubator.vector}): split-nibble table
 * lookups with 128-bit byte shuffles, several GB/s per core. Needs {@code --add-modules=jdk.incubator.vector}
 * at run time; {@link #isAvailable()} says whether the module is there.
 */
public final class VectorCodec extends MatrixCodec {

    public VectorCodec(int dataShards, int parityShards) {
        super(dataShards, parityShards, VectorMultiplier::new);
    }

    /** True when the {@code jdk.incubator.vector} module is resolved in the boot layer; never throws. */
    public static boolean isAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    @Override
    public String implementation() {
        return "vector";
    }
}
