package dev.cairn.storage.node;

import dev.cairn.storage.drive.ForwardingDrive;
import dev.cairn.storage.drive.LocalDrive;
import dev.cairn.storage.format.DriveState;
import dev.cairn.storage.format.FormatFile;

/**
 * A drive at a known position of the deployment, with the state the monitor last found it in. It counts as
 * online only while it holds this position's format: a drive that vanished, was wiped, or was swapped for a
 * stranger's drive stops taking part until the monitor has dealt with it.
 */
final class MonitoredDrive extends ForwardingDrive {

    enum State {
        ONLINE,
        /** Unreachable or unreadable. */
        OFFLINE,
        /** Reachable and blank: a wiped or replaced drive, to be formatted and healed. */
        BLANK,
        /** Holds another drive's format, or files that are not ours: never written. */
        FOREIGN
    }

    private final String path;
    private final FormatFile expected;
    private volatile State state;
    private volatile String reason = "";

    MonitoredDrive(String path, LocalDrive drive, FormatFile expected, State initial) {
        super(drive);
        this.path = path;
        this.expected = expected;
        this.state = initial;
    }

    String path() {
        return path;
    }

    FormatFile expectedFormat() {
        return expected;
    }

    State state() {
        return state;
    }

    String reason() {
        return reason;
    }

    @Override
    public boolean isOnline() {
        return state == State.ONLINE && delegate.isOnline();
    }

    /** Looks at the drive again and returns what it is now (without acting on it). */
    State probe() {
        DriveState found = DriveProbe.probe(path, (LocalDrive) delegate);
        State next;
        String why = "";
        switch (found) {
            case DriveState.Formatted f when f.format().deploymentId().equals(expected.deploymentId())
                    && f.format().thisDrive().equals(expected.thisDrive()) -> next = State.ONLINE;
            case DriveState.Formatted f -> {
                next = State.FOREIGN;
                why = "holds drive " + f.format().thisDrive() + " of deployment " + f.format().deploymentId()
                        + ", expected drive " + expected.thisDrive();
            }
            case DriveState.Unformatted u -> next = State.BLANK;
            case DriveState.Corrupt c -> {
                next = State.FOREIGN;
                why = c.reason();
            }
            case DriveState.Unreachable u -> {
                next = State.OFFLINE;
                why = u.reason();
            }
        }
        reason = why;
        return next;
    }

    void setState(State s) {
        state = s;
    }

    /** Replays the drive's meta journal before the drive serves (again): see {@link LocalDrive#recover}. */
    void recover(boolean again) {
        ((LocalDrive) delegate).recover(again);
    }

    /** Writes this position's format onto a blank drive. */
    void format() {
        DriveProbe.writeFormat(delegate, expected);
    }
}
