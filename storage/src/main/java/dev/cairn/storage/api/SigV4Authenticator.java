package dev.cairn.storage.api;

import dev.cairn.identity.CredentialStore;
import dev.cairn.identity.sigv4.AuthException;
import dev.cairn.identity.sigv4.AuthResult;
import dev.cairn.identity.sigv4.Payloads;
import dev.cairn.identity.sigv4.PostPolicySignatures;
import dev.cairn.identity.sigv4.RequestAuthenticator;
import dev.cairn.identity.sigv4.SignedRequest;
import dev.cairn.storage.api.http.HeaderText;
import dev.cairn.storage.api.http.S3Request;

import java.io.InputStream;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Signature V4 and V2 through the identity module, for S3 requests. */
public final class SigV4Authenticator implements Authenticator {
    private final RequestAuthenticator authenticator;
    private final CredentialStore store;

    public SigV4Authenticator(CredentialStore store, InstantSource clock) {
        this.authenticator = new RequestAuthenticator(store, clock);
        this.store = store;
    }

    @Override
    public Principal authenticateForm(java.util.Map<String, String> fields) {
        boolean signed = fields.containsKey("x-amz-credential") || fields.containsKey("x-amz-signature")
                || fields.containsKey("awsaccesskeyid") || fields.containsKey("signature");
        if (!signed) {
            return Principal.anonymous();
        }
        try {
            dev.cairn.identity.Credentials c = fields.containsKey("x-amz-credential")
                    ? PostPolicySignatures.verifyV4(store, fields.get("x-amz-credential"), fields.get("policy"),
                    fields.get("x-amz-signature"))
                    : PostPolicySignatures.verifyV2(store, fields.get("awsaccesskeyid"), fields.get("policy"),
                    fields.get("signature"));
            return new Principal(c.owner(), c.root(), null);
        } catch (AuthException e) {
            throw toS3(e);
        }
    }

    @Override
    public Principal authenticate(S3Request request) {
        AuthResult result;
        try {
            result = authenticator.authenticate(signed(request));
        } catch (AuthException e) {
            throw toS3(e);
        }
        if (result.anonymous()) {
            return new Principal(null, false, result);
        }
        return new Principal(result.credentials().owner(), result.credentials().root(), result);
    }

    @Override
    public InputStream wrapBody(Principal principal, S3Request request, InputStream body) {
        AuthResult auth = (AuthResult) principal.state();
        String decoded = request.header("x-amz-decoded-content-length");
        Long decodedLength = null;
        if (decoded != null) {
            try {
                decodedLength = Long.parseLong(decoded.trim());
            } catch (NumberFormatException e) {
                throw new S3Exception(S3Error.INVALID_ARGUMENT, "x-amz-decoded-content-length is not a number");
            }
        }
        try {
            return Payloads.wrapBody(auth, body, decodedLength);
        } catch (AuthException e) {
            throw toS3(e);
        }
    }

    private static SignedRequest signed(S3Request r) {
        return new SignedRequest() {
            @Override
            public String method() {
                return r.method();
            }

            @Override
            public String rawPath() {
                return r.rawPath();
            }

            @Override
            public String rawQuery() {
                return r.rawQuery();
            }

            @Override
            public List<String> headers(String lowerCaseName) {
                List<String> values = r.headers().getAll(lowerCaseName);
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    String text = HeaderText.asSent(v);
                    if (text != v) {
                        values = new java.util.ArrayList<>(values);
                        values.set(i, text);
                    }
                }
                return values;
            }

            @Override
            public Set<String> headerNames() {
                return r.headers().names().stream().map(n -> n.toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.toSet());
            }
        };
    }

    /** The S3 error for an authentication failure; one entry per AuthError. */
    public static S3Exception toS3(AuthException e) {
        S3Error error = switch (e.error()) {
            // S3 answers a missing or unusable date "AccessDenied: AWS authentication requires a valid Date or
            // x-amz-date header"
            case ACCESS_DENIED, EXPIRED_PRESIGNED_REQUEST, MISSING_SECURITY_HEADER -> S3Error.ACCESS_DENIED;
            case INVALID_ACCESS_KEY_ID -> S3Error.INVALID_ACCESS_KEY_ID;
            case SIGNATURE_DOES_NOT_MATCH, INVALID_CHUNK_SIGNATURE -> S3Error.SIGNATURE_DOES_NOT_MATCH;
            case REQUEST_TIME_TOO_SKEWED -> S3Error.REQUEST_TIME_TOO_SKEWED;
            case AUTHORIZATION_HEADER_MALFORMED -> S3Error.AUTHORIZATION_HEADER_MALFORMED;
            case AUTHORIZATION_QUERY_PARAMETERS_ERROR -> S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR;
            case X_AMZ_CONTENT_SHA256_MISMATCH -> S3Error.X_AMZ_CONTENT_SHA256_MISMATCH;
            case INVALID_ARGUMENT -> S3Error.INVALID_ARGUMENT;
            case INVALID_TOKEN -> S3Error.INVALID_TOKEN;
            case INCOMPLETE_BODY -> S3Error.INCOMPLETE_BODY;
            case INVALID_REQUEST -> S3Error.INVALID_REQUEST;
            case MALFORMED_TRAILER -> S3Error.MALFORMED_TRAILER;
        };
        return new S3Exception(error, e.getMessage());
    }
}
