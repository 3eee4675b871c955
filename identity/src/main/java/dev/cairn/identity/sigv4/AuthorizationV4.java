package dev.cairn.identity.sigv4;

import java.util.List;

/**
 * The parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} header.
 * The three fields may come in any order, separated by commas with optional spaces; each must appear once.
 */
record AuthorizationV4(CredentialScope scope, List<String> signedHeaders, String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    static AuthorizationV4 parse(String header) {
        AuthError malformed = AuthError.AUTHORIZATION_HEADER_MALFORMED;
        if (!header.startsWith(ALGORITHM + " ")) {
            throw new AuthException(malformed, "Authorization must start with " + ALGORITHM);
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length()).split(",", -1)) {
            String field = part.strip();
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new AuthException(malformed, "Authorization field '" + field + "' is not name=value");
            }
            String name = field.substring(0, eq);
            String value = field.substring(eq + 1);
            switch (name) {
                case "Credential" -> credential = once(credential, value, name);
                case "SignedHeaders" -> signedHeaders = once(signedHeaders, value, name);
                case "Signature" -> signature = once(signature, value, name);
                default -> throw new AuthException(malformed, "unknown Authorization field '" + name + "'");
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw new AuthException(malformed, "Authorization needs Credential, SignedHeaders and Signature");
        }
        if (signature.isEmpty()) {
            throw new AuthException(malformed, "Authorization has an empty Signature");
        }
        return new AuthorizationV4(CredentialScope.parse(credential, malformed),
                parseSignedHeaders(signedHeaders, malformed), signature);
    }

    /**
     * Splits {@code SignedHeaders}: non-empty lower-case names separated by {@code ;}, which must include
     * {@code host}. The order given is kept: it is the order the client built its canonical headers in.
     */
    static List<String> parseSignedHeaders(String value, AuthError error) {
        List<String> names = List.of(value.split(";", -1));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!isLowerCaseToken(name)) {
                throw new AuthException(error, "SignedHeaders '" + value + "' must be lower-case names separated by ;");
            }
            if (names.subList(0, i).contains(name)) {
                throw new AuthException(error, "SignedHeaders '" + value + "' names a header twice");
            }
        }
        if (!names.contains("host")) {
            throw new AuthException(error, "the host header must be signed");
        }
        return names;
    }

    /** A non-empty header name without upper-case letters, whitespace or control characters. */
    private static boolean isLowerCaseToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static String once(String previous, String value, String name) {
        if (previous != null) {
            throw new AuthException(AuthError.AUTHORIZATION_HEADER_MALFORMED, "Authorization repeats " + name);
        }
        return value;
    }
}
