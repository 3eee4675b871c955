package dev.cairn.bench.load.http;

import java.nio.ByteBuffer;

/** The bytes of a request body, produced on demand so a large body is never held whole. */
@FunctionalInterface
public interface BodySource {
    /** Puts body bytes {@code [pos, pos + length)} into {@code dst} at its position, advancing it. */
    void fill(long pos, ByteBuffer dst, int length);
}
