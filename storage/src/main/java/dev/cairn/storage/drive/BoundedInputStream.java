package dev.cairn.storage.drive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads exactly {@code length} bytes of the underlying stream, then reports end of stream; a stream that
 * ends early is an {@link EOFException} (a shard file shorter than its metadata says is corrupt).
 * Closing closes the underlying stream.
 */
final class BoundedInputStream extends InputStream {
    private final InputStream in;
    private long remaining;

    BoundedInputStream(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("file ended " + remaining + " bytes early");
        }
        remaining -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
