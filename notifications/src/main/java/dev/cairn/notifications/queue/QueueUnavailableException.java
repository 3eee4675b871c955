package dev.cairn.notifications.queue;

/** No copy of the journal could be written (every drive holding one failed): the event is not queued. */
public final class QueueUnavailableException extends Exception {
    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
