package dev.cairn.identity.sigv4;

import java.util.Objects;

/**
 * A request failed authentication. {@link #error()} is what the S3 layer answers with; the message is for people
 * (logs and the S3 error's {@code Message}) and never contains a secret or an expected signature.
 *
 * <p>Unchecked because it is also raised from {@link java.io.InputStream#read()} of the body wrappers, where the
 * signature of a chunk or the digest of the body turns out wrong only while the body is read.
 */
public final class AuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final AuthError error;

    public AuthException(AuthError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public AuthError error() {
        return error;
    }

    @Override
    public String toString() {
        return "AuthException[" + error + "]: " + getMessage();
    }
}
