package dev.cairn.notifications.queue;

/** One queued event as the journal returns it: its index (the position acknowledged later) and its bytes. */
public record JournalEntry(long index, byte[] payload) {

    /** A place given up (its commit failed): nothing to deliver, only to acknowledge. */
    public boolean isVoid() {
        return SegmentFormat.isVoid(payload);
    }
}
