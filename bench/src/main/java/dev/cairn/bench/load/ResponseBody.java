package dev.cairn.bench.load;

import dev.cairn.bench.load.http.BodySink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a response body goes: it is counted and, given a generator, checked byte for byte as it arrives; only when
 * asked to keep it (error bodies, small XML answers) is it copied, and then at most {@link #KEEP_LIMIT} bytes.
 * One per connection, reset by {@link #expect} before each request, so the common GET allocates nothing.
 */
final class ResponseBody implements BodySink {
    static final int KEEP_LIMIT = 256 * 1024;

    private BodyGenerator verifyWanted;
    private boolean keepWanted;
    private BodyGenerator verify;
    private boolean keep;
    private byte[] kept = new byte[0];
    private int keptLength;
    private int status;
    private long bytes;
    private long mismatchAt;

    /**
     * Prepares for the next response: its body is kept when the status is 300 or more or {@code keep} is set, and
     * otherwise verified against {@code verify} when that is not null.
     */
    ResponseBody expect(BodyGenerator verify, boolean keep) {
        this.verifyWanted = verify;
        this.keepWanted = keep;
        return this;
    }

    @Override
    public void start(int status) {
        boolean error = status >= 300;
        this.status = status;
        this.verify = error ? null : verifyWanted;
        this.keep = keepWanted || error;
        this.keptLength = 0;
        this.bytes = 0;
        this.mismatchAt = -1;
    }

    @Override
    public void accept(ByteBuffer buf, int from, int length) {
        if (verify != null && mismatchAt < 0) {
            mismatchAt = verify.mismatch(bytes, buf, from, length);
        }
        if (keep && keptLength < KEEP_LIMIT) {
            int take = Math.min(length, KEEP_LIMIT - keptLength);
            if (kept.length < keptLength + take) {
                kept = Arrays.copyOf(kept, Math.min(KEEP_LIMIT, Math.max(keptLength + take, 2 * kept.length)));
            }
            buf.get(from, kept, keptLength, take);
            keptLength += take;
        }
        bytes += length;
    }

    int status() {
        return status;
    }

    long bytes() {
        return bytes;
    }

    /** The body position of the first byte that differed from the generator, or -1. */
    long mismatchAt() {
        return mismatchAt;
    }

    /** The kept body as text (empty when nothing was kept). */
    String text() {
        return new String(kept, 0, keptLength, StandardCharsets.UTF_8);
    }
}
