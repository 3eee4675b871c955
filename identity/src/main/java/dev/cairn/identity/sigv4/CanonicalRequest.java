package dev.cairn.identity.sigv4;

import java.util.List;

/**
 * Builds the SigV4 canonical request and string to sign, as AWS specifies them for S3:
 *
 * <pre>
 * method \n canonical URI \n canonical query \n (name:value \n)* \n signed;headers \n hashed payload
 * </pre>
 *
 * Header lines follow the order of {@code SignedHeaders} (clients sort it); each value is trimmed and runs of
 * whitespace inside it collapse to one space; several header lines of one name join with {@code ,}.
 */
final class CanonicalRequest {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private CanonicalRequest() {}

    static String build(SignedRequest req, String canonicalQuery, List<String> signedHeaders, String hashedPayload) {
        StringBuilder out = new StringBuilder(256);
        out.append(req.method()).append('\n');
        out.append(UriEncoding.canonicalPath(req.rawPath())).append('\n');
        out.append(canonicalQuery).append('\n');
        for (String name : signedHeaders) {
            out.append(name).append(':');
            appendValues(out, name, req.headers(name));
            out.append('\n');
        }
        out.append('\n');
        for (int i = 0; i < signedHeaders.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(signedHeaders.get(i));
        }
        out.append('\n').append(hashedPayload);
        return out.toString();
    }

    /** {@code AWS4-HMAC-SHA256 \n timestamp \n scope \n hex(sha256(canonical request))}. */
    static String stringToSign(String timestamp, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + timestamp + '\n' + scope + '\n' + Crypto.sha256Hex(canonicalRequest);
    }

    private static void appendValues(StringBuilder out, String name, List<String> values) {
        if (values.isEmpty()) {
            // HTTP servers may answer "Expect: 100-continue" themselves and drop the header; the AWS CLI signs it.
            if (name.equals("expect")) {
                out.append("100-continue");
                return;
            }
            throw new AuthException(AuthError.SIGNATURE_DOES_NOT_MATCH,
                    "signed header '" + name + "' is not in the request");
        }
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendTrimmed(out, values.get(i));
        }
    }

    /** Appends {@code value} without leading/trailing whitespace and with inner whitespace runs as one space. */
    static void appendTrimmed(StringBuilder out, String value) {
        if (alreadyTrimmed(value)) {
            out.append(value);
            return;
        }
        boolean pendingSpace = false;
        boolean any = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isSpace(c)) {
                pendingSpace = any;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
            any = true;
        }
    }

    /** The common case: no whitespace at the ends, and inner whitespace only as single spaces. */
    private static boolean alreadyTrimmed(String value) {
        int n = value.length();
        if (n > 0 && (isSpace(value.charAt(0)) || isSpace(value.charAt(n - 1)))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (isSpace(c) && (c != ' ' || isSpace(value.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b';
    }
}
