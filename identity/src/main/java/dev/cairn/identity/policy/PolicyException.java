package dev.cairn.identity.policy;

/**
 * A policy document that cannot be accepted. The message is meant for the client, worded as S3 words its
 * {@code MalformedPolicy} messages ("Policy has invalid action", "Invalid principal in policy", "Missing required
 * field Principal", ...); the S3 layer answers {@code 400 MalformedPolicy} with it unchanged.
 *
 * <p>Unchecked: parsing is the only source, and callers translate it at one boundary.
 */
public final class PolicyException extends RuntimeException {

    public PolicyException(String message) {
        super(message);
    }

    PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
