package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.DriveException;
import dev.cairn.storage.hash.HighwayHash256;
import dev.cairn.storage.meta.ErasureInfo;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bitrot framing of a shard file: {@code [32-byte HighwayHash-256 of the block's shard][shard]}, repeated
 * for every block of the part. Every block but the last of a part is full, so the frame of block {@code b}
 * starts at {@code b * (HASH_SIZE + shardSize(blockSize))}.
 */
final class Bitrot {
    static final int HASH_SIZE = 32;

    private Bitrot() {
    }

    static void hash(ByteBuffer shard, byte[] out) {
        HighwayHash256.hash(HighwayHash256.BITROT_KEY, shard, out, 0);
    }

    /** Throws {@link DriveError#CORRUPT} when {@code shard} does not match {@code expected}. */
    static void verify(ByteBuffer shard, byte[] expected, byte[] scratch, String where) {
        if (!matches(shard, expected, scratch)) {
            throw new DriveException(DriveError.CORRUPT, "bitrot detected in " + where);
        }
    }

    /** Whether {@code shard}'s remaining bytes hash to {@code expected}; {@code scratch} receives their hash. */
    static boolean matches(ByteBuffer shard, byte[] expected, byte[] scratch) {
        hash(shard, scratch);
        return Arrays.equals(scratch, expected);
    }

    /** Bytes of one shard file for a part of {@code partSize} bytes. */
    static long shardFileSize(long partSize, ErasureInfo e) {
        long full = partSize / e.blockSize();
        int last = (int) (partSize % e.blockSize());
        long size = full * (HASH_SIZE + e.shardSize(e.blockSize()));
        return last == 0 ? size : size + HASH_SIZE + e.shardSize(last);
    }

    static long frameOffset(long block, ErasureInfo e) {
        return block * (HASH_SIZE + e.shardSize(e.blockSize()));
    }
}
