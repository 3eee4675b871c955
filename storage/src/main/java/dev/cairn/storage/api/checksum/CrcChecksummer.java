package dev.cairn.storage.api.checksum;

import java.nio.ByteBuffer;
import java.util.zip.Checksum;

/** A CRC as a Checksummer: the register's final value as big-endian bytes of the algorithm's width. */
final class CrcChecksummer implements Checksummer {

    private final ChecksumAlgorithm algorithm;
    private final Checksum crc;

    CrcChecksummer(ChecksumAlgorithm algorithm, Checksum crc) {
        this.algorithm = algorithm;
        this.crc = crc;
    }

    @Override
    public ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        crc.update(bytes, offset, length);
    }

    @Override
    public void update(ByteBuffer buffer) {
        crc.update(buffer);
    }

    @Override
    public byte[] digest() {
        long value = crc.getValue();
        crc.reset();
        return toBytes(value, algorithm.digestLength());
    }

    @Override
    public void reset() {
        crc.reset();
    }

    /** The low {@code width} bytes of {@code value}, big-endian. */
    static byte[] toBytes(long value, int width) {
        byte[] out = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    /** The big-endian bytes read back as an unsigned value. */
    static long fromBytes(byte[] bytes) {
        long v = 0;
        for (byte b : bytes) {
            v = v << 8 | (b & 0xFF);
        }
        return v;
    }
}
