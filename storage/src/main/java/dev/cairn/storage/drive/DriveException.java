package dev.cairn.storage.drive;

/** A failed drive operation. {@link #error()} is what callers branch on; the message is for people. */
public final class DriveException extends RuntimeException {
    private final DriveError error;

    public DriveException(DriveError error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    public DriveException(DriveError error, String message, Throwable cause) {
        super(error + ": " + message, cause);
        this.error = error;
    }

    public DriveError error() {
        return error;
    }

    /** The error of {@code t} when it is a drive error, else {@link DriveError#FAULTY}. */
    public static DriveError errorOf(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof DriveException d) {
                return d.error;
            }
            c = c.getCause();
        }
        return DriveError.FAULTY;
    }
}
