package dev.cairn.storage.erasure;

import dev.cairn.storage.meta.PartInfo;
import dev.cairn.storage.object.ByteRange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A byte range of a whole object, across its parts: opens one {@link PartReader} at a time. Closing it closes
 * the current part and runs {@code onClose} once (which releases the key's read lock). As a channel it hands the
 * caller's buffer down to the part, so whole blocks can land in it without a copy (see {@link PartReader}).
 */
final class ObjectReadStream extends InputStream implements ReadableByteChannel {

    /** Opens part {@code partIndex} for a range inside that part. */
    interface PartOpener extends BiFunction<Integer, ByteRange, InputStream> {
    }

    private final List<PartInfo> parts;
    private final PartOpener opener;
    private final Runnable onClose;
    private long position;
    private final long end;
    private InputStream current;
    private boolean closed;

    ObjectReadStream(List<PartInfo> parts, ByteRange range, PartOpener opener, Runnable onClose) {
        this.parts = parts;
        this.opener = opener;
        this.onClose = onClose;
        this.position = range.offset();
        this.end = range.end();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (position < end) {
            if (current == null) {
                openPartAt(position);
            }
            int n = current.read(b, off, (int) Math.min(len, end - position));
            if (n > 0) {
                position += n;
                return n;
            }
            if (n == 0 && len == 0) {
                return 0;
            }
            current.close();
            current = null;
        }
        return -1;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (position < end) {
            if (current == null) {
                openPartAt(position);
            }
            // not clipped to the range: the part stream was opened for just its share of it, and a whole block
            // may need room past the range's end for the padding of its last shard
            int n = BufferReads.read(current, dst);
            if (n > 0) {
                position += n;
                return n;
            }
            if (n == 0 && !dst.hasRemaining()) {
                return 0;
            }
            current.close();
            current = null;
        }
        return -1;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    private void openPartAt(long pos) {
        long start = 0;
        for (int i = 0; i < parts.size(); i++) {
            long size = parts.get(i).size();
            if (pos < start + size) {
                long inPart = pos - start;
                long len = Math.min(size - inPart, end - pos);
                current = opener.apply(i, new ByteRange(inPart, len));
                return;
            }
            start += size;
        }
        throw new IllegalStateException("position " + pos + " beyond the parts");
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            onClose.run();
        }
    }
}
