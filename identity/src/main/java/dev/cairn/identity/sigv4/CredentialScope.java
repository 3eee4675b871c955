package dev.cairn.identity.sigv4;

/**
 * The {@code Credential} of a SigV4 request: {@code <access key>/<yyyyMMdd>/<region>/<service>/aws4_request}.
 * The access key is everything before the last four fields.
 */
record CredentialScope(String accessKey, String date, String region, String service) {

    static final String TERMINATOR = "aws4_request";
    static final String SERVICE = "s3";

    /**
     * Parses a credential, raising {@code error} when it does not have the five parts, the date is not
     * {@code yyyyMMdd}, the service is not {@code s3} or the terminator is not {@code aws4_request}. Any region is
     * accepted: Cairn is one region, and clients sign with whatever region they are configured with.
     */
    static CredentialScope parse(String credential, AuthError error) {
        int t = credential.lastIndexOf('/');
        int s = t <= 0 ? -1 : credential.lastIndexOf('/', t - 1);
        int r = s <= 0 ? -1 : credential.lastIndexOf('/', s - 1);
        int d = r <= 0 ? -1 : credential.lastIndexOf('/', r - 1);
        if (d <= 0) {
            throw new AuthException(error,
                    "credential must be <access key>/<date>/<region>/s3/aws4_request, got '" + credential + "'");
        }
        CredentialScope scope = new CredentialScope(credential.substring(0, d), credential.substring(d + 1, r),
                credential.substring(r + 1, s), credential.substring(s + 1, t));
        String terminator = credential.substring(t + 1);
        if (!AmzDates.isScopeDate(scope.date)) {
            throw new AuthException(error, "credential date '" + scope.date + "' is not yyyyMMdd");
        }
        if (scope.region.isEmpty()) {
            throw new AuthException(error, "credential has an empty region");
        }
        if (!SERVICE.equals(scope.service)) {
            throw new AuthException(error, "credential names service '" + scope.service + "'; this endpoint is s3");
        }
        if (!TERMINATOR.equals(terminator)) {
            throw new AuthException(error, "credential must end with aws4_request, got '" + terminator + "'");
        }
        return scope;
    }

    /** {@code <date>/<region>/<service>/aws4_request}: the scope line of the string to sign. */
    String scope() {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }
}
