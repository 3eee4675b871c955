package dev.cairn.storage.drive;

/** Capacity of a drive, in bytes, with the drive id read from its format. */
public record DriveInfo(String endpoint, long total, long free, boolean online) {
}
