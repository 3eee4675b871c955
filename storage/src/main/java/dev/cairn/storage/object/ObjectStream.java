package dev.cairn.storage.object;

import java.io.InputStream;

/**
 * An object being read: its info, the range served and the bytes. The caller must close {@code body}: the
 * read holds the key's read lock until then.
 */
public record ObjectStream(ObjectInfo info, ByteRange range, InputStream body) implements AutoCloseable {
    @Override
    public void close() throws java.io.IOException {
        body.close();
    }
}
