package dev.cairn.identity;

import java.util.Optional;

/**
 * Where request authentication finds the secret for an access key.
 *
 * <p>Implementations must be safe for concurrent use and fast: {@code lookup} runs on every authenticated request.
 */
@FunctionalInterface
public interface CredentialStore {

    /** The credentials of {@code accessKey}, or empty when no such key exists (or it is disabled). */
    Optional<Credentials> lookup(String accessKey);
}
