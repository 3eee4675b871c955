package dev.cairn.identity.sigv4;

import dev.cairn.identity.CredentialStore;
import dev.cairn.identity.Credentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Signatures of browser form uploads (POST Object): the form's base64 policy document is what is signed.
 * V4: {@code hex(HMAC-SHA256(signingKey(date, region, s3), policy))} with the scope of the form's
 * {@code x-amz-credential}; V2: {@code base64(HMAC-SHA1(secret, policy))}.
 */
public final class PostPolicySignatures {
    private PostPolicySignatures() {
    }

    /** The credentials that signed a V4 form; AuthException when the key is unknown or the signature wrong. */
    public static Credentials verifyV4(CredentialStore store, String credential, String policyBase64, String signature) {
        requireField(credential, "X-Amz-Credential");
        requireField(policyBase64, "Policy");
        requireField(signature, "X-Amz-Signature");
        CredentialScope scope = CredentialScope.parse(credential, AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
        Credentials creds = store.lookup(scope.accessKey()).orElseThrow(() -> new AuthException(
                AuthError.INVALID_ACCESS_KEY_ID, "The AWS Access Key Id you provided does not exist in our records."));
        byte[] key = SigningKeys.derive(creds.secretKey(), scope.date(), scope.region(), scope.service());
        String expected = Crypto.hex(Crypto.hmacSha256(key, policyBase64));
        if (!Crypto.constantTimeEquals(expected, signature.trim())) {
            throw new AuthException(AuthError.SIGNATURE_DOES_NOT_MATCH,
                    "The request signature we calculated does not match the signature you provided.");
        }
        return creds;
    }

    /** The credentials that signed a V2 form. */
    public static Credentials verifyV2(CredentialStore store, String accessKey, String policyBase64, String signature) {
        requireField(accessKey, "AWSAccessKeyId");
        requireField(policyBase64, "Policy");
        requireField(signature, "Signature");
        Credentials creds = store.lookup(accessKey).orElseThrow(() -> new AuthException(
                AuthError.INVALID_ACCESS_KEY_ID, "The AWS Access Key Id you provided does not exist in our records."));
        byte[] mac = Crypto.mac(Crypto.HMAC_SHA1, creds.secretKey().getBytes(StandardCharsets.UTF_8))
                .doFinal(policyBase64.getBytes(StandardCharsets.UTF_8));
        if (!Crypto.constantTimeEquals(Base64.getEncoder().encodeToString(mac), signature.trim())) {
            throw new AuthException(AuthError.SIGNATURE_DOES_NOT_MATCH,
                    "The request signature we calculated does not match the signature you provided.");
        }
        return creds;
    }

    /** A signed form without one of its signature fields is InvalidArgument (400), as S3 answers, naming it. */
    private static void requireField(String value, String name) {
        if (value == null) {
            throw new AuthException(AuthError.INVALID_ARGUMENT, "Bucket POST must contain a field named '" + name
                    + "'. If it is specified, please check the order of the fields.");
        }
    }
}
