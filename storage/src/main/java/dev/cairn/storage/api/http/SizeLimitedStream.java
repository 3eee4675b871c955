package dev.cairn.storage.api.http;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body whose length the client did not declare (HTTP chunked transfer encoding), cut off at S3's limit for what
 * it carries: the read that would pass {@code max} bytes throws EntityTooLarge instead, so a store that reads to
 * the end never commits an oversized object. The caller closes the stream (which closes {@code in}).
 */
public final class SizeLimitedStream extends FilterInputStream {
    private final long max;
    private long read;

    public SizeLimitedStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, (int) Math.min(len, max - read + 1));
        if (n > 0) {
            read += n;
            if (read > max) {
                throw new S3Exception(S3Error.ENTITY_TOO_LARGE,
                        "Your proposed upload exceeds the maximum allowed size");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }
}
