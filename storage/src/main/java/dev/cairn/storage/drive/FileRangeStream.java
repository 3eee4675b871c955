package dev.cairn.storage.drive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ScatteringByteChannel;

/**
 * Exactly {@code length} bytes of a file from the channel's position on, then end of stream; a file that ends
 * early is an {@link EOFException} (a shard file shorter than its metadata says is corrupt). Besides the stream
 * form it is a {@link ScatteringByteChannel}, so a reader can fill direct buffers straight from the file (one
 * kernel copy, no heap array in between) and read a bitrot hash and its shard block with one system call.
 * Closing closes the file.
 */
final class FileRangeStream extends InputStream implements ScatteringByteChannel {
    private final FileChannel ch;
    private long remaining;

    FileRangeStream(FileChannel ch, long length) {
        this.ch = ch;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (remaining == 0) {
            return dst.hasRemaining() ? -1 : 0;
        }
        int limit = dst.limit();
        if (dst.remaining() > remaining) {
            dst.limit(dst.position() + (int) remaining);
        }
        try {
            return (int) counted(ch.read(dst));
        } finally {
            dst.limit(limit);
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long wanted = 0;
        for (int i = offset; i < offset + length; i++) {
            wanted += dsts[i].remaining();
        }
        if (remaining == 0) {
            return wanted == 0 ? 0 : -1;
        }
        if (wanted > remaining) {
            // rare (a caller asking past the range): the bound is simpler to keep one buffer at a time
            for (int i = offset; i < offset + length; i++) {
                if (dsts[i].hasRemaining()) {
                    return read(dsts[i]);
                }
            }
        }
        return counted(ch.read(dsts, offset, length));
    }

    @Override
    public long read(ByteBuffer[] dsts) throws IOException {
        return read(dsts, 0, dsts.length);
    }

    private long counted(long n) throws EOFException {
        if (n < 0) {
            throw new EOFException("file ended " + remaining + " bytes early");
        }
        remaining -= n;
        return n;
    }

    @Override
    public boolean isOpen() {
        return ch.isOpen();
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
