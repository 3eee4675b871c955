package dev.cairn.storage.erasure;

import java.io.InputStream;

/** Where one shard of a part can be read: a drive's file, or inline bytes. */
@FunctionalInterface
interface ShardSource {
    /** A stream of {@code length} bytes of the shard file from {@code offset}; the caller closes it. */
    InputStream open(long offset, long length);
}
