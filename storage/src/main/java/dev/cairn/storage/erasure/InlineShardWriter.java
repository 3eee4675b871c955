package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.ShardWriter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Collects a small object's shard in memory so it can be stored inside {@code cairn.meta}. */
final class InlineShardWriter implements ShardWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(ByteBuffer buf) {
        if (buf.hasArray()) {
            bytes.write(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
            buf.position(buf.limit());
        } else {
            byte[] b = new byte[buf.remaining()];
            buf.get(b);
            bytes.writeBytes(b);
        }
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        // memory: nothing to sync; durability comes with the meta file that carries these bytes
    }

    @Override
    public void abort() {
        bytes.reset();
    }
}
