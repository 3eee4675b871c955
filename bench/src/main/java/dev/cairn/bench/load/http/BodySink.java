package dev.cairn.bench.load.http;

import java.nio.ByteBuffer;

/** Receives one response body at a time, in order, as slices of the connection's read buffer. */
public interface BodySink {
    /** Called once per response, after its head and before any body byte. */
    void start(int status);

    /**
     * Body bytes {@code [from, from + length)} of {@code buf} (little-endian order). The bytes are valid only during
     * the call: the buffer is reused for the next read. The sink must not change the buffer's position or limit.
     */
    void accept(ByteBuffer buf, int from, int length);
}
