package dev.cairn.identity.sigv4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/** Reading helpers: every body test reads with a random mix of read sizes, offsets and single-byte reads. */
final class Streams {

    private Streams() {}

    /** Reads {@code in} to its end with random read sizes (1 byte up to {@code maxRead}) and buffer offsets. */
    static byte[] readRandomly(InputStream in, Random random, int maxRead) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[maxRead + 16];
        while (true) {
            int mode = random.nextInt(10);
            if (mode == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                continue;
            }
            int off = random.nextInt(16);
            int len = 1 + random.nextInt(maxRead);
            int n = in.read(buffer, off, len);
            if (n < 0) {
                break;
            }
            if (n == 0) {
                throw new AssertionError("read returned 0 for a non-empty request");
            }
            out.write(buffer, off, n);
        }
        return out.toByteArray();
    }

    /** A source that hands out at most {@code maxPerRead} bytes per call, like a network stream. */
    static InputStream trickle(byte[] data, Random random, int maxPerRead) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < data.length ? data[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (pos >= data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(maxPerRead));
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
