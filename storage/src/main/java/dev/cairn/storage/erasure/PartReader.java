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
import java.nio.channels.ReadableByteChannel;
import java.util.function.IntConsumer;

/**
 * Reads a byte range of one erasure-coded part, block by block. It reads {@code data} shards, preferring data
 * shards (no decoding needed); a shard that cannot be opened, ends early or fails its bitrot check is dropped
 * for the rest of the read, reported to {@code onBadShard} (which queues healing), and replaced by another
 * shard from the same block on. Fails with {@link ObjectError#INSUFFICIENT_READ_QUORUM} when fewer than
 * {@code data} shards are left.
 */
final class PartReader extends InputStream implements ReadableByteChannel {

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
    /** Where a frame's hash is read to when its shard goes to a caller's buffer: direct, so one readv fills both. */
    private ByteBuffer hashFrame;

    private long position;
    private long block = -1;
    private int blockLen;
    private byte[] blockBytes;
    private boolean closed;

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

    /**
     * Like {@link #read(byte[], int, int)}, but a whole block that fits in {@code dst} goes from the shard files
     * straight into it (see {@link #readWholeBlock}); returns at most the rest of the current block.
     */
    @Override
    public int read(ByteBuffer dst) {
        if (position >= end) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        long wanted = position / erasure.blockSize();
        if (wanted != block) {
            int n = readWholeBlock(wanted, dst);
            if (n > 0) {
                return n;
            }
            loadBlock(wanted);
        }
        int inBlock = (int) (position - block * erasure.blockSize());
        int n = (int) Math.min(Math.min(dst.remaining(), blockLen - inBlock), end - position);
        dst.put(blockBytes, inBlock, n);
        position += n;
        return n;
    }

    /**
     * The common case without a copy: all of block {@code b} is wanted, its data shards are all healthy and
     * {@code dst} has room for them (the last one's padding included), so each data shard is read from its file
     * into its place in {@code dst} and verified there. Returns 0 when the block needs {@link #loadBlock}: a range
     * that cuts it, a data shard already bad, or one that fails now (marked bad; the shards read before it are
     * reopened at this block so loadBlock reads them again). Parity streams are never open here: they are opened
     * only once a data shard has gone bad, and then this path is never taken again, so every open stream still
     * advances one frame per block.
     */
    private int readWholeBlock(long b, ByteBuffer dst) {
        long start = b * erasure.blockSize();
        int len = (int) Math.min(erasure.blockSize(), partSize - start);
        int shardLen = erasure.shardSize(len);
        int k = erasure.data();
        if (position != start || end - start < len || dst.remaining() < shardLen * k) {
            return 0;
        }
        for (int i = 0; i < k; i++) {
            if (bad[i]) {
                return 0;
            }
        }
        block = b;
        blockLen = len;
        int base = dst.position();
        for (int i = 0; i < k; i++) {
            if (!readShard(i, dst.slice(base + i * shardLen, shardLen))) {
                for (int j = 0; j < i; j++) {
                    closeQuietly(streams[j]);
                    streams[j] = null;
                }
                block = -1; // what blockBytes holds is no block now
                return 0;
            }
        }
        dst.position(base + len);
        position += len;
        block = -1; // this block went to dst, not to blockBytes
        return len;
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
            if (!bad[i] && readShard(i, buffer(i, shardLen))) {
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

    /**
     * Reads shard {@code i} of the current block into {@code into} (all its remaining bytes) and verifies it;
     * false (and marks it bad) on failure.
     */
    private boolean readShard(int i, ByteBuffer into) {
        try {
            if (streams[i] == null) {
                long from = Bitrot.frameOffset(block, erasure);
                long to = Bitrot.shardFileSize(Math.min(partSize, ceilBlockEnd()), erasure);
                streams[i] = sources[i].open(from, to - from);
            }
            if (hashFrame == null) {
                hashFrame = ByteBuffer.allocateDirect(Bitrot.HASH_SIZE);
            }
            ByteBuffer shard = into.slice();
            BufferReads.readFully(streams[i], hashFrame.clear(), shard);
            hashFrame.get(0, hash);
            if (!Bitrot.matches(shard.flip(), hash, scratch)) {
                throw new DriveException(DriveError.CORRUPT, "bitrot detected in shard " + (i + 1) + " block "
                        + block);
            }
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
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < streams.length; i++) {
            closeQuietly(streams[i]);
            streams[i] = null;
        }
    }
}
