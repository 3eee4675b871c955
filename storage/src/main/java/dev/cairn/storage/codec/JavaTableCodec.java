package dev.cairn.storage.codec;

/**
 * Scalar pure-Java codec: a table lookup per byte per coefficient (about 0.4 GB/s). It needs nothing beyond
 * java.base, so it is the reference the other implementations must match byte for byte, and the last resort.
 */
public final class JavaTableCodec extends MatrixCodec {

    public JavaTableCodec(int dataShards, int parityShards) {
        super(dataShards, parityShards, TableMultiplier::new);
    }

    @Override
    public String implementation() {
        return "java-table";
    }
}
