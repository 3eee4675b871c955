package dev.cairn.notifications.targets;

/** A batch a target did not wholly acknowledge: the first {@link #delivered} events of it did arrive. */
public final class DeliveryException extends Exception {
    private final int delivered;

    public DeliveryException(String message, int delivered, Throwable cause) {
        super(message, cause);
        this.delivered = delivered;
    }

    public int delivered() {
        return delivered;
    }
}
