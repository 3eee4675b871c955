package dev.cairn.identity.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

final class AuthAssertions {

    private AuthAssertions() {}

    /** Asserts that {@code call} throws an {@link AuthException} with {@code error}, and returns it. */
    static AuthException fails(AuthError error, Executable call) {
        AuthException e = assertThrows(AuthException.class, call);
        assertEquals(error, e.error(), () -> "error of: " + e.getMessage());
        return e;
    }
}
