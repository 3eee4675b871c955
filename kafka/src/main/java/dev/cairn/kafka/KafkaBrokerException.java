package dev.cairn.kafka;

/** The broker could not be formatted, started or reached; the message carries the end of its log when there is one. */
public final class KafkaBrokerException extends RuntimeException {

    public KafkaBrokerException(String message) {
        super(message);
    }

    public KafkaBrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
