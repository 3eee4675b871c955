package dev.cairn.storage.server;

import dev.cairn.identity.Credentials;
import dev.cairn.identity.StaticCredentialStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Builds the node's credentials: the root user plus, when {@code CAIRN_USERS_FILE} is set, its users. */
final class Authentication {
    private Authentication() {
    }

    static StaticCredentialStore credentials(CairnConfig config, RootCredentials root) {
        Credentials rootCreds = Credentials.of(root.accessKey(), root.secretKey(), true);
        StaticCredentialStore store;
        try {
            store = config.usersFile().isPresent()
                    ? StaticCredentialStore.load(rootCreds, Path.of(config.usersFile().get()))
                    : StaticCredentialStore.of(rootCreds, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("reading CAIRN_USERS_FILE " + config.usersFile().get() + ": "
                    + e.getMessage(), e);
        }
        return store;
    }
}
