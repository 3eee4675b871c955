package dev.cairn.storage.codec;

import java.nio.ByteBuffer;

/** Argument checks shared by the codecs, so that every implementation fails the same way with the same words. */
final class ShardBuffers {

    private ShardBuffers() {
    }

    /**
     * Checks that {@code buffers} has {@code expected} non-null entries and returns their common
     * {@code remaining()}, or {@code commonLength} when that is already known (pass -1 when it is not).
     */
    static int checkSameLength(ByteBuffer[] buffers, int expected, String role, int commonLength) {
        if (buffers == null) {
            throw new IllegalArgumentException("no " + role + " shard array");
        }
        if (buffers.length != expected) {
            throw new IllegalArgumentException(
                    "expected " + expected + " " + role + " shards, got " + buffers.length);
        }
        int length = commonLength;
        for (int i = 0; i < buffers.length; i++) {
            if (buffers[i] == null) {
                throw new IllegalArgumentException(role + " shard " + i + " is null");
            }
            int remaining = buffers[i].remaining();
            if (length < 0) {
                length = remaining;
            } else if (remaining != length) {
                throw new IllegalArgumentException(role + " shard " + i + " has " + remaining
                        + " bytes remaining, expected the shard size " + length);
            }
        }
        return length;
    }

    /** Rejects read-only buffers that are about to be written. */
    static void checkWritable(ByteBuffer buffer, String role, int index) {
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException(role + " shard " + index + " is read-only but must be written");
        }
    }

    static ByteBuffer[] select(ByteBuffer[] buffers, int[] indexes) {
        ByteBuffer[] selected = new ByteBuffer[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            selected[i] = buffers[indexes[i]];
        }
        return selected;
    }
}
