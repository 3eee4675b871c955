package dev.cairn.storage.drive;

/** A volume (a bucket's directory, or the system volume) with its creation time in epoch milliseconds. */
public record VolumeInfo(String name, long created) {
}
