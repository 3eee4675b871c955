package dev.cairn.notifications.queue;

/** The journal holds its limit of unacknowledged events: the event is not queued (the caller counts a drop). */
public final class QueueFullException extends Exception {
    public QueueFullException(String message) {
        super(message);
    }
}
