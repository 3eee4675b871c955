package dev.cairn.storage.meta;

import java.util.Arrays;

/**
 * How one version is erasure coded, as recorded on one drive.
 *
 * @param data         number of data shards
 * @param parity       number of parity shards
 * @param blockSize    bytes of object data per erasure block (the last block of a part may be shorter)
 * @param index        the shard number this drive holds, 1-based (1..data are data shards)
 * @param distribution for each position in the set, the shard number the drive there holds (a rotation,
 *                     chosen per key so that data shards spread over the drives)
 */
public record ErasureInfo(int data, int parity, int blockSize, int index, int[] distribution) {

    public ErasureInfo {
        if (data < 1 || parity < 0 || blockSize < 1 || distribution.length != data + parity) {
            throw new IllegalArgumentException("bad erasure info " + data + "+" + parity + " block " + blockSize);
        }
        distribution = distribution.clone();
    }

    public int shards() {
        return data + parity;
    }

    /** The same coding seen from another drive: only the shard index differs. */
    public ErasureInfo forIndex(int shardIndex) {
        return new ErasureInfo(data, parity, blockSize, shardIndex, distribution);
    }

    /** Bytes of one shard for a block of {@code blockBytes} object bytes. */
    public int shardSize(int blockBytes) {
        return (blockBytes + data - 1) / data;
    }

    @Override
    public int[] distribution() {
        return distribution.clone();
    }

    /** Shard number stored at set position {@code position}. */
    public int shardAt(int position) {
        return distribution[position];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErasureInfo e && e.data == data && e.parity == parity && e.blockSize == blockSize
                && e.index == index && Arrays.equals(e.distribution, distribution);
    }

    @Override
    public int hashCode() {
        return ((data * 31 + parity) * 31 + blockSize) * 31 + index + Arrays.hashCode(distribution);
    }

    @Override
    public String toString() {
        return "EC " + data + "+" + parity + " block " + blockSize + " index " + index + " dist "
                + Arrays.toString(distribution);
    }
}
