package dev.cairn.storage.drive;

import java.nio.ByteBuffer;

/**
 * A file being written sequentially on a drive. {@link #close()} makes it durable (data synced); until then
 * nothing about it is promised. {@link #abort()} closes without syncing; the caller deletes the file.
 */
public interface ShardWriter extends AutoCloseable {

    /** Writes all remaining bytes of {@code buf}, advancing its position. */
    void write(ByteBuffer buf);

    /** Syncs and closes. */
    @Override
    void close();

    void abort();
}
