package dev.cairn.storage.format;

import java.util.Objects;

/**
 * What the caller found at one configured drive path, before any decision: the input of
 * {@link FormatResolver#resolve}. The path is the expanded drive argument (local path or URL), used only to
 * name the drive in results and messages.
 */
public sealed interface DriveState {

    String path();

    /** Reachable, and has no {@code format.json}: a new drive, or one that was replaced or wiped. */
    record Unformatted(String path) implements DriveState {
        public Unformatted {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Reachable, with a {@code format.json} that parsed and validated. */
    record Formatted(String path, FormatFile format) implements DriveState {
        public Formatted {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(format, "format");
        }
    }

    /** Could not be read at all (host down, I/O error, permission); {@code reason} is for operators. */
    record Unreachable(String path, String reason) implements DriveState {
        public Unreachable {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Has a {@code format.json} that cannot be used (bad JSON, failed validation, unknown version). Treated as
     * offline and never overwritten: it may hold data of a deployment we cannot identify.
     */
    record Corrupt(String path, String reason) implements DriveState {
        public Corrupt {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
