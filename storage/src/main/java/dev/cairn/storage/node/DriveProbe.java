package dev.cairn.storage.node;

import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.DriveError;
import dev.cairn.storage.drive.DriveException;
import dev.cairn.storage.drive.LocalDrive;
import dev.cairn.storage.format.DriveState;
import dev.cairn.storage.format.FormatFile;

/** Reads what a drive path holds: a format of ours, nothing yet, or something we must not touch. */
final class DriveProbe {
    static final String FORMAT_FILE = "format.json";

    private DriveProbe() {
    }

    static DriveState probe(String path) {
        LocalDrive drive;
        try {
            drive = LocalDrive.open(path);
        } catch (DriveException e) {
            return new DriveState.Unreachable(path, e.getMessage());
        }
        return probe(path, drive);
    }

    static DriveState probe(String path, LocalDrive drive) {
        byte[] bytes;
        try {
            bytes = drive.readAll(Drive.SYSTEM_VOLUME, FORMAT_FILE);
        } catch (DriveException e) {
            if (e.error() != DriveError.FILE_NOT_FOUND) {
                return new DriveState.Unreachable(path, e.getMessage());
            }
            // no format: blank is ours to format; anything else may be someone's data
            try {
                return drive.isBlank() ? new DriveState.Unformatted(path)
                        : new DriveState.Corrupt(path, "holds files but no " + Drive.SYSTEM_VOLUME + "/" + FORMAT_FILE
                        + ": refusing to format a directory that is not empty");
            } catch (DriveException listFailed) {
                return new DriveState.Unreachable(path, listFailed.getMessage());
            }
        }
        try {
            return new DriveState.Formatted(path, FormatFile.parse(bytes));
        } catch (IllegalArgumentException e) {
            return new DriveState.Corrupt(path, "unreadable " + FORMAT_FILE + ": " + e.getMessage());
        }
    }

    static void writeFormat(Drive drive, FormatFile format) {
        drive.writeAll(Drive.SYSTEM_VOLUME, FORMAT_FILE, format.toJson());
    }
}
