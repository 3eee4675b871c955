package dev.cairn.storage.format;

/**
 * The drives cannot be assembled into a deployment; the message names the drives and counts involved.
 *
 * <p>{@link #retryable()} tells the caller whether waiting may help: true when the refusal comes from drives
 * that could not be read or not enough agreeing formats (drives still booting, a peer node still formatting),
 * false when what was read contradicts itself or the configuration, which needs an operator.
 */
public final class FormatRefusedException extends RuntimeException {

    private final boolean retryable;

    public FormatRefusedException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
