package dev.cairn.storage.erasure;

import dev.cairn.storage.codec.ErasureCodec;
import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.DriveException;
import dev.cairn.storage.meta.ErasureInfo;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * Reads a byte range of one erasure-coded part, block by block. It reads {@code data} shards, preferring data
 * shards (no decoding needed); a shard that cannot be opened, ends early or fails its bitrot check is dropped
 * for the rest of the read, reported to {@code onBadShard} (which queues healing), and replaced by another
 * shard from the same block on. Fails with {@link ObjectError#INSUFFICIENT_READ_QUORUM} when fewer than
 * {@code data} shards are left.
 */
final class PartReader extends InputStream {

    private final ErasureCodec codec;
    private final ErasureInfo erasure;
    private final ShardSource[] sources;
    private final long partSize;
    private final long end;
    private final IntConsumer onBadShard;
    private final InputStream[] streams;
    private final boolean[] bad;
    private final ByteBuffer[] shards;
    private final byte[] hash = new byte[Bitrot.HASH_SIZE];
    private final byte[] scratch = new byte[Bitrot.HASH_SIZE];

    private long position;
    private long block = -1;
    private int blockLen;
    private byte[] blockBytes;

    /**
     * @param sources by shard index; null for shards known to be unavailable
     * @param offset  first byte of the part to return
     * @param length  number of bytes to return
     */
    PartReader(ErasureCodec codec, ErasureInfo erasure, ShardSource[] sources, long partSize, long offset,
               long length, IntConsumer onBadShard) {
        this.codec = codec;
        this.erasure = erasure;
        this.sources = sources;
        this.partSize = partSize;
        this.position = offset;
        this.end = offset + length;
        this.onBadShard = onBadShard;
        int n = erasure.shards();
        this.streams = new InputStream[n];
        this.bad = new boolean[n];
        this.shards = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            bad[i] = sources[i] == null;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        long wanted = position / erasure.blockSize();
        if (wanted != block) {
            loadBlock(wanted);
        }
        int inBlock = (int) (position - block * erasure.blockSize());
        int n = (int) Math.min(Math.min(len, blockLen - inBlock), end - position);
        System.arraycopy(blockBytes, inBlock, b, off, n);
        position += n;
        return n;
    }

    private void loadBlock(long b) {
        block = b;
        blockLen = (int) Math.min(erasure.blockSize(), partSize - b * erasure.blockSize());
        int shardLen = erasure.shardSize(blockLen);
        int k = erasure.data();
        int n = erasure.shards();
        boolean[] have = new boolean[n];
        int got = 0;
        for (int i = 0; i < n && got < k; i++) {
            if (!bad[i] && readShard(i, shardLen)) {
                have[i] = true;
                got++;
            }
        }
        if (got < k) {
            throw new ObjectException(ObjectError.INSUFFICIENT_READ_QUORUM,
                    "only " + got + " of " + n + " shards readable, need " + k);
        }
        if (blockBytes == null || blockBytes.length < shardLen * k) {
            blockBytes = new byte[Math.max(shardLen * k, 0)];
        }
        boolean allData = true;
        for (int i = 0; i < k; i++) {
            allData &= have[i];
        }
        if (!allData) {
            for (int i = 0; i < n; i++) {
                if (!have[i]) {
                    buffer(i, shardLen); // sized for the codec to fill
                }
            }
            codec.reconstruct(java.util.Arrays.copyOf(shards, n), have);
        }
        for (int i = 0; i < k; i++) {
            shards[i].get(0, blockBytes, i * shardLen, shardLen);
        }
    }

    /** Reads shard {@code i} of the current block into {@code shards[i]}; false (and marks it bad) on failure. */
    private boolean readShard(int i, int shardLen) {
        try {
            if (streams[i] == null) {
                long from = Bitrot.frameOffset(block, erasure);
                long to = Bitrot.shardFileSize(Math.min(partSize, ceilBlockEnd()), erasure);
                streams[i] = sources[i].open(from, to - from);
            }
            ByteBuffer buf = buffer(i, shardLen);
            readFully(streams[i], hash, Bitrot.HASH_SIZE);
            readFully(streams[i], buf.array(), shardLen);
            Bitrot.verify(buf, hash, scratch, "shard " + (i + 1) + " block " + block);
            return true;
        } catch (RuntimeException | IOException e) {
            markBad(i);
            return false;
        }
    }

    /** End of the last block the range touches, as a part offset. */
    private long ceilBlockEnd() {
        long lastBlock = (end - 1) / erasure.blockSize();
        return (lastBlock + 1) * erasure.blockSize();
    }

    private ByteBuffer buffer(int i, int shardLen) {
        if (shards[i] == null || shards[i].capacity() < shardLen) {
            // sized to the part, not the block: a small object's GET must not allocate whole-block buffers
            shards[i] = ByteBuffer.allocate(erasure.shardSize((int) Math.min(erasure.blockSize(), partSize)));
        }
        return shards[i].clear().limit(shardLen).slice();
    }

    private void markBad(int i) {
        bad[i] = true;
        closeQuietly(streams[i]);
        streams[i] = null;
        onBadShard.accept(i);
    }

    private static void readFully(InputStream in, byte[] buf, int len) throws IOException {
        int off = 0;
        while (off < len) {
            int r = in.read(buf, off, len - off);
            if (r < 0) {
                throw new DriveException(DriveError.CORRUPT, "shard ended early");
            }
            off += r;
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // a failed shard stream: nothing more to learn from it
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < streams.length; i++) {
            closeQuietly(streams[i]);
            streams[i] = null;
        }
    }
}
