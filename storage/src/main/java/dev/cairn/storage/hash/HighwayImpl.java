package dev.cairn.storage.hash;

/**
 * Which bulk-update engine {@link HighwayHash256} uses for whole 32-byte packets. All engines produce identical
 * hashes; the choice only affects speed. Remainder handling and finalization are shared scalar code.
 */
public enum HighwayImpl {
    /** Plain {@code long} arithmetic; always available. */
    SCALAR,
    /** {@code jdk.incubator.vector}, one 256-bit vector for the four lanes. */
    VECTOR;

    private static final boolean VECTOR_MODULE_PRESENT =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private static final HighwayImpl BEST = chooseBest();

    /**
     * True if this engine can run in this JVM. {@link #VECTOR} needs {@code --add-modules=jdk.incubator.vector};
     * without it the vector classes must never be touched, or class loading fails.
     */
    public boolean isAvailable() {
        return this == SCALAR || VECTOR_MODULE_PRESENT;
    }

    /**
     * The fastest engine here: {@link #VECTOR} when the module is present and the CPU has native 256-bit vectors
     * (otherwise the Vector API falls back to a per-lane emulation far slower than {@link #SCALAR}).
     */
    public static HighwayImpl best() {
        return BEST;
    }

    private static HighwayImpl chooseBest() {
        if (VECTOR_MODULE_PRESENT && HighwayVector.hasNative256BitVectors()) {
            return VECTOR;
        }
        return SCALAR;
    }

    void requireAvailable() {
        if (!isAvailable()) {
            throw new IllegalStateException(
                    "HighwayHash " + this + " needs the JVM flag --add-modules=jdk.incubator.vector");
        }
    }
}
