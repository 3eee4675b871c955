package dev.cairn.storage.api;

import dev.cairn.storage.api.http.S3Request;

import java.io.InputStream;

/**
 * Who sent a request, and the request body as the signature says it must be read (verified digests, decoded
 * aws-chunked bodies). Failures are S3Exceptions with the S3 error of the authentication problem.
 */
public interface Authenticator {

    /** The caller; {@link Principal#anonymous()} when the request carries no credentials. */
    Principal authenticate(S3Request request);

    /**
     * The signer of a browser form upload, from its fields (names lower case): V4 ({@code x-amz-credential},
     * {@code x-amz-signature}) or V2 ({@code awsaccesskeyid}, {@code signature}) over the {@code policy} field;
     * {@link Principal#anonymous()} for a form with none of those fields.
     */
    Principal authenticateForm(java.util.Map<String, String> fields);

    /** The body to hand to the handler for this caller's request. */
    InputStream wrapBody(Principal principal, S3Request request, InputStream body);

    /**
     * An authenticated caller.
     *
     * @param owner who owns what this caller creates (null when anonymous)
     * @param root  whether the caller is the root user
     * @param state what the authenticator needs again to wrap the body (opaque to handlers)
     */
    record Principal(String owner, boolean root, Object state) {
        public static Principal anonymous() {
            return new Principal(null, false, null);
        }

        public boolean isAnonymous() {
            return owner == null;
        }
    }
}
