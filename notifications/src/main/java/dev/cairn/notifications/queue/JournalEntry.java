package dev.cairn.notifications.queue;

/** One queued event as the journal returns it: its index (the position acknowledged later) and its bytes. */
public record JournalEntry(long index, byte[] payload) {
}
