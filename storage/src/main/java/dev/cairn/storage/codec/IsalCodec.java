package dev.cairn.storage.codec;

/**
 * Codec backed by Intel ISA-L ({@code libisal.so.2}) through the FFM API: hand-written AVX2/AVX-512 kernels,
 * the fastest option where the library is installed. ISA-L is only the arithmetic engine: it is fed the
 * parity rows of our {@link EncodeMatrix} and decode rows we invert ourselves, never its own matrices.
 *
 * <p>Optional at run time: check {@link #isAvailable()} before constructing one.
 */
public final class IsalCodec extends MatrixCodec {

    /**
     * @throws IllegalStateException when ISA-L cannot be loaded (the message says why)
     */
    public IsalCodec(int dataShards, int parityShards) {
        if (!isAvailable()) {
            throw new IllegalStateException(unavailableReason());
        }
        super(dataShards, parityShards, IsalMultiplier::new);
    }

    /** True when ISA-L was loaded and its functions bound; never throws. */
    public static boolean isAvailable() {
        try {
            return IsalLibrary.available();
        } catch (Throwable e) {
            return false;
        }
    }

    /** Why ISA-L is unavailable, or null when it is available; never throws. */
    public static String unavailableReason() {
        try {
            return IsalLibrary.failure();
        } catch (Throwable e) {
            return e.toString();
        }
    }

    @Override
    public String implementation() {
        return "isa-l";
    }
}
