package dev.cairn.identity.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.identity.Credentials;
import dev.cairn.identity.StaticCredentialStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Browser form signatures: V2 over the policy with the user's secret, and the errors of incomplete forms. */
class PostPolicySignaturesTest {

    private static final Credentials ALICE = Credentials.of("alice", "alice-secret-key", false);
    private static final StaticCredentialStore STORE = StaticCredentialStore.of(
            Credentials.of("root-key", "root-secret-key", true), List.of(ALICE));
    private static final String POLICY = Base64.getEncoder().encodeToString(
            "{\"expiration\":\"2030-01-01T00:00:00Z\",\"conditions\":[]}".getBytes(StandardCharsets.UTF_8));

    private static String v2(String secret) {
        byte[] mac = Crypto.mac(Crypto.HMAC_SHA1, secret.getBytes(StandardCharsets.UTF_8))
                .doFinal(POLICY.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    @Test
    void aV2SignatureNamesItsSigner() {
        assertEquals(ALICE, PostPolicySignatures.verifyV2(STORE, "alice", POLICY, v2("alice-secret-key")));
        assertEquals(AuthError.SIGNATURE_DOES_NOT_MATCH, assertThrows(AuthException.class,
                () -> PostPolicySignatures.verifyV2(STORE, "alice", POLICY, v2("wrong-secret"))).error());
        assertEquals(AuthError.INVALID_ACCESS_KEY_ID, assertThrows(AuthException.class,
                () -> PostPolicySignatures.verifyV2(STORE, "nobody", POLICY, v2("alice-secret-key"))).error());
    }

    @Test
    void aMissingFieldIsInvalidArgumentNamingIt() {
        AuthException e = assertThrows(AuthException.class,
                () -> PostPolicySignatures.verifyV2(STORE, "alice", POLICY, null));
        assertEquals(AuthError.INVALID_ARGUMENT, e.error());
        assertEquals(true, e.getMessage().contains("'Signature'"), e.getMessage());
        assertEquals(AuthError.INVALID_ARGUMENT, assertThrows(AuthException.class,
                () -> PostPolicySignatures.verifyV2(STORE, "alice", null, v2("alice-secret-key"))).error());
        assertEquals(AuthError.INVALID_ARGUMENT, assertThrows(AuthException.class,
                () -> PostPolicySignatures.verifyV4(STORE, null, POLICY, "abc")).error());
    }
}
