package dev.cairn.storage.erasure;

import dev.cairn.storage.codec.ErasureCodec;
import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.DriveException;
import dev.cairn.storage.drive.ShardWriter;
import dev.cairn.storage.meta.ErasureInfo;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Streams one part into shards (of a known size, or, with size -1, until the body ends): reads a block, encodes parity, and writes every shard (bitrot-framed) to its
 * writer in parallel, block after block. Only one block is in memory at a time.
 *
 * <p>A writer that fails is dropped (and aborted) and the others go on; when fewer than {@code writeQuorum}
 * remain the part fails. The caller closes (syncs) the writers that remain and owns cleanup of the files.
 */
final class ErasureEncoder {

    /** The outcome: the body's MD5 (hex) and which shard writers are still good (by shard index). */
    record Result(String md5Hex, long size, boolean[] alive, DriveError[] errors) {
        int aliveCount() {
            int n = 0;
            for (boolean a : alive) {
                if (a) {
                    n++;
                }
            }
            return n;
        }
    }

    private final ErasureCodec codec;
    private final ErasureInfo erasure;
    private final Executor executor;

    ErasureEncoder(ErasureCodec codec, ErasureInfo erasure, Executor executor) {
        this.codec = codec;
        this.erasure = erasure;
        this.executor = executor;
    }

    /**
     * Encodes exactly {@code size} bytes of {@code in}.
     *
     * @param writers    by shard index (0-based); null entries are drives that could not take a shard
     * @param openErrors by shard index, why a writer is null
     */
    Result encode(InputStream in, long size, ShardWriter[] writers, DriveError[] openErrors, int writeQuorum) {
        int k = erasure.data();
        int n = erasure.shards();
        // a body smaller than one block needs buffers of its own size: a 4 KiB PUT must not zero 2 MiB
        int fullShard = erasure.shardSize(size < 0 ? erasure.blockSize() : (int) Math.min(erasure.blockSize(), size));
        ByteBuffer block = ByteBuffer.allocate(fullShard * k);
        ByteBuffer[] parity = new ByteBuffer[n - k];
        for (int i = 0; i < parity.length; i++) {
            parity[i] = ByteBuffer.allocate(fullShard);
        }
        byte[][] hashes = new byte[n][Bitrot.HASH_SIZE];
        boolean[] alive = new boolean[n];
        DriveError[] errors = new DriveError[n];
        for (int i = 0; i < n; i++) {
            alive[i] = writers[i] != null;
            errors[i] = alive[i] ? null : openErrors[i] == null ? DriveError.DRIVE_OFFLINE : openErrors[i];
        }
        requireQuorum(alive, errors, writeQuorum);
        MessageDigest md5 = md5();
        long remaining = size < 0 ? Long.MAX_VALUE : size;
        long total = 0;
        while (remaining > 0) {
            int len;
            if (size < 0) {
                len = readUpTo(in, block.array(), erasure.blockSize());
                if (len == 0) {
                    break;
                }
                remaining = len < erasure.blockSize() ? len : Long.MAX_VALUE; // a short block is the last one
            } else {
                len = (int) Math.min(erasure.blockSize(), remaining);
                readFully(in, block.array(), len);
            }
            total += len;
            int shard = erasure.shardSize(len);
            java.util.Arrays.fill(block.array(), len, shard * k, (byte) 0);
            ByteBuffer[] shards = new ByteBuffer[n];
            for (int i = 0; i < k; i++) {
                shards[i] = block.slice(i * shard, shard);
            }
            for (int i = 0; i < parity.length; i++) {
                shards[k + i] = parity[i].clear().limit(shard).slice();
            }
            if (parity.length > 0) {
                codec.encodeParity(java.util.Arrays.copyOf(shards, k),
                        java.util.Arrays.copyOfRange(shards, k, n));
            }
            // the MD5 (the dearest per-byte step) runs here while the drives hash and write the shards
            CompletableFuture<?> writes = writeBlock(shards, hashes, writers, alive, errors);
            md5.update(block.array(), 0, len);
            writes.join();
            requireQuorum(alive, errors, writeQuorum);
            remaining -= len;
        }
        return new Result(HexFormat.of().formatHex(md5.digest()), total, alive, errors);
    }

    /** Starts writing every live shard of one block, each on its own task; the future ends when all have. */
    private CompletableFuture<?> writeBlock(ByteBuffer[] shards, byte[][] hashes, ShardWriter[] writers,
                                            boolean[] alive, DriveError[] errors) {
        CompletableFuture<?>[] writes = new CompletableFuture<?>[shards.length];
        for (int i = 0; i < shards.length; i++) {
            int s = i;
            if (!alive[s]) {
                writes[s] = CompletableFuture.completedFuture(null);
                continue;
            }
            writes[s] = CompletableFuture.runAsync(() -> {
                try {
                    Bitrot.hash(shards[s], hashes[s]);
                    writers[s].write(ByteBuffer.wrap(hashes[s]));
                    writers[s].write(shards[s].duplicate());
                } catch (RuntimeException e) {
                    errors[s] = DriveException.errorOf(e);
                    alive[s] = false;
                    writers[s].abort();
                }
            }, executor);
        }
        return CompletableFuture.allOf(writes);
    }

    static void requireQuorum(boolean[] alive, DriveError[] errors, int writeQuorum) {
        int live = 0;
        int full = 0;
        for (int i = 0; i < alive.length; i++) {
            live += alive[i] ? 1 : 0;
            full += errors[i] == DriveError.DISK_FULL ? 1 : 0;
        }
        if (live < writeQuorum) {
            ObjectError err = full > alive.length - writeQuorum ? ObjectError.STORAGE_FULL
                    : ObjectError.INSUFFICIENT_WRITE_QUORUM;
            throw new ObjectException(err, live + " of " + alive.length + " drives writable, need " + writeQuorum
                    + " " + java.util.Arrays.toString(errors));
        }
    }

    /** Reads until {@code len} bytes or the end of the body; returns how many. */
    private static int readUpTo(InputStream in, byte[] buf, int len) {
        try {
            return in.readNBytes(buf, 0, len);
        } catch (IOException e) {
            throw new ObjectException(ObjectError.INCOMPLETE_BODY, "reading the body failed: " + e, e);
        }
    }

    private static void readFully(InputStream in, byte[] buf, int len) {
        int off = 0;
        try {
            while (off < len) {
                int r = in.read(buf, off, len - off);
                if (r < 0) {
                    throw new ObjectException(ObjectError.INCOMPLETE_BODY, "body ended early");
                }
                off += r;
            }
        } catch (IOException e) {
            throw new ObjectException(ObjectError.INCOMPLETE_BODY, "reading the body failed: " + e, e);
        }
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
