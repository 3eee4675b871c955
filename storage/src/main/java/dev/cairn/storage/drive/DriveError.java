package dev.cairn.storage.drive;

/** Why a drive operation failed. The erasure layer decides quorum outcomes from these codes. */
public enum DriveError {
    /** The drive cannot be reached or its mount is gone; it counts as offline. */
    DRIVE_OFFLINE,
    /** The drive answered with an I/O error other than the ones below. */
    FAULTY,
    DISK_FULL,
    VOLUME_NOT_FOUND,
    VOLUME_EXISTS,
    VOLUME_NOT_EMPTY,
    FILE_NOT_FOUND,
    VERSION_NOT_FOUND,
    /** Stored bytes failed a checksum or a format check. */
    CORRUPT,
    /** A name that cannot be stored: escapes the volume, reserved, empty segments, NUL. */
    INVALID_PATH;

    /** Missing data, as opposed to a drive that could not answer. */
    public boolean isNotFound() {
        return this == FILE_NOT_FOUND || this == VERSION_NOT_FOUND || this == VOLUME_NOT_FOUND;
    }
}
