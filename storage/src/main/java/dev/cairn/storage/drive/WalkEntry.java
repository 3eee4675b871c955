package dev.cairn.storage.drive;

/**
 * One key found by {@link Drive#walk}: its name relative to the volume and the raw bytes of its
 * {@code cairn.meta} (decoded by the caller, so a corrupt file costs only that key).
 */
public record WalkEntry(String key, byte[] meta) {
}
