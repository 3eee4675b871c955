package dev.cairn.storage.codec;

import java.util.Locale;

/**
 * Where the node gets its codecs: {@link #create(int, int)} picks the fastest implementation available here,
 * and {@link #selfTest()} proves at start-up that the implementations still produce the on-disk format.
 *
 * <p>Choice: system property {@value #PROPERTY} = {@code isal}, {@code vector} or {@code java} forces one (and
 * fails if it cannot run here); unset or {@code auto} means ISA-L when the library loads, else the Vector API
 * when its module is present, else the scalar table codec.
 */
public final class Codecs {

    public static final String PROPERTY = "cairn.codec";

    /** The implementations, by the names accepted in {@value #PROPERTY}, declared fastest first ({@link #selected()}
     * relies on the order). */
    public enum Implementation {
        ISAL("isal"),
        VECTOR("vector"),
        JAVA("java");

        private final String propertyValue;

        Implementation(String propertyValue) {
            this.propertyValue = propertyValue;
        }

        public String propertyValue() {
            return propertyValue;
        }

        /** Whether this implementation can run in this JVM; never throws. */
        public boolean isAvailable() {
            return switch (this) {
                case ISAL -> IsalCodec.isAvailable();
                case VECTOR -> VectorCodec.isAvailable();
                case JAVA -> true;
            };
        }

        /**
         * A codec of this implementation.
         *
         * @throws IllegalStateException when it cannot run in this JVM
         */
        public ErasureCodec create(int data, int parity) {
            EncodeMatrix.checkGeometry(data, parity);
            if (!isAvailable()) {
                throw new IllegalStateException("codec '" + propertyValue + "' is not available here: "
                        + (this == ISAL ? IsalCodec.unavailableReason()
                                : "start the JVM with --add-modules=jdk.incubator.vector"));
            }
            return switch (this) {
                case ISAL -> new IsalCodec(data, parity);
                case VECTOR -> new VectorCodec(data, parity);
                case JAVA -> new JavaTableCodec(data, parity);
            };
        }

        /** The implementation named by a {@value #PROPERTY} value. */
        public static Implementation of(String propertyValue) {
            for (Implementation i : values()) {
                if (i.propertyValue.equals(propertyValue.trim().toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unknown " + PROPERTY + "=" + propertyValue
                    + "; expected isal, vector, java or auto");
        }
    }

    private Codecs() {
    }

    /** A codec for the geometry, of the implementation {@link #selected()} names. */
    public static ErasureCodec create(int data, int parity) {
        return selected().create(data, parity);
    }

    /**
     * The implementation {@link #create(int, int)} uses: the one forced by {@value #PROPERTY}, else the fastest
     * available.
     *
     * @throws IllegalArgumentException when the property has an unknown value
     */
    public static Implementation selected() {
        String forced = System.getProperty(PROPERTY, "auto");
        if (!forced.isBlank() && !"auto".equalsIgnoreCase(forced.trim())) {
            return Implementation.of(forced);
        }
        for (Implementation i : Implementation.values()) {
            if (i.isAvailable()) {
                return i;
            }
        }
        return Implementation.JAVA;
    }

    /**
     * Encodes the golden vectors with every available implementation and compares the parity with the
     * expected bytes stored in the source, then rebuilds lost shards from it. The node runs this at start and
     * refuses to start when it throws: a mismatch means data written now would not be readable later (or
     * data written before cannot be read now).
     *
     * @throws IllegalStateException naming the implementation, geometry and first differing byte
     */
    public static void selfTest() {
        for (Implementation i : Implementation.values()) {
            if (i.isAvailable()) {
                GoldenVectors.check(i::create);
            }
        }
    }
}
