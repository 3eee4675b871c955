package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.DriveException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ScatteringByteChannel;

/**
 * Reading shard streams into {@link ByteBuffer}s. A drive's stream that is also a channel fills the buffers
 * itself (a direct buffer straight from the file); any other stream (inline data, test fakes) is copied through
 * its {@code read(byte[])}.
 */
final class BufferReads {
    private static final int COPY_CHUNK = 64 * 1024;

    private BufferReads() {
    }

    /** Fills {@code first} then {@code second}, with one system call when the stream can scatter. */
    static void readFully(InputStream in, ByteBuffer first, ByteBuffer second) throws IOException {
        if (in instanceof ScatteringByteChannel ch) {
            ByteBuffer[] both = {first, second};
            while (second.hasRemaining()) {
                if (ch.read(both) < 0) {
                    throw endedEarly();
                }
            }
        } else {
            readFully(in, first);
            readFully(in, second);
        }
    }

    /** Fills {@code dst}; a stream that ends first is a corrupt shard. */
    static void readFully(InputStream in, ByteBuffer dst) throws IOException {
        while (dst.hasRemaining()) {
            if (read(in, dst) < 0) {
                throw endedEarly();
            }
        }
    }

    /** One read of up to {@code dst.remaining()} bytes; -1 at the end of the stream. */
    static int read(InputStream in, ByteBuffer dst) throws IOException {
        if (in instanceof ReadableByteChannel ch) {
            return ch.read(dst);
        }
        if (dst.hasArray()) {
            int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        byte[] copy = new byte[Math.min(COPY_CHUNK, dst.remaining())];
        int n = in.read(copy, 0, copy.length);
        if (n > 0) {
            dst.put(copy, 0, n);
        }
        return n;
    }

    private static DriveException endedEarly() {
        return new DriveException(DriveError.CORRUPT, "shard ended early");
    }
}
