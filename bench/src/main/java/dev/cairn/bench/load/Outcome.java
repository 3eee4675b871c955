package dev.cairn.bench.load;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How one operation ended: the payload bytes it moved, or an error code (S3 {@code <Code>}, {@code HTTP <status>},
 * {@code VerifyMismatch}, {@code SizeMismatch}, or the name of the client-side exception).
 */
record Outcome(long bytes, String error) {
    static Outcome ok(long bytes) {
        return new Outcome(bytes, null);
    }

    static Outcome failed(String code) {
        return new Outcome(0, code);
    }

    /** The outcome of an operation that threw (a connection reset, a timeout...). */
    static Outcome of(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return failed(cause.getClass().getSimpleName());
    }

    boolean ok() {
        return error == null;
    }
}
