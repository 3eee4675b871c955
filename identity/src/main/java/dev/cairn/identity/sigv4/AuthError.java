package dev.cairn.identity.sigv4;

/**
 * Why a request failed authentication. Each constant is named after the S3 error code it stands for, so the
 * storage module's S3 error table maps them one to one; the code and status S3 answers are given for each.
 */
public enum AuthError {
    /** {@code AccessDenied} (403): the request carries {@code x-amz-*} headers that are not signed. */
    ACCESS_DENIED,
    /** {@code InvalidAccessKeyId} (403): no credentials exist for the access key. */
    INVALID_ACCESS_KEY_ID,
    /** {@code SignatureDoesNotMatch} (403): the signature is not the one the secret key gives. */
    SIGNATURE_DOES_NOT_MATCH,
    /** {@code RequestTimeTooSkewed} (403): the request time is more than 15 minutes from the server's clock. */
    REQUEST_TIME_TOO_SKEWED,
    /** {@code AuthorizationHeaderMalformed} (400): the {@code Authorization} header cannot be parsed or its scope is wrong. */
    AUTHORIZATION_HEADER_MALFORMED,
    /**
     * {@code AuthorizationQueryParametersError} (400): presigned-URL parameters are missing or malformed, including
     * an {@code X-Amz-Expires} that is not a number, and an {@code X-Amz-Algorithm} other than
     * {@code AWS4-HMAC-SHA256}.
     */
    AUTHORIZATION_QUERY_PARAMETERS_ERROR,
    /**
     * Neither {@code x-amz-date} nor {@code Date} holds a usable time; S3 answers {@code AccessDenied} (403) "AWS
     * authentication requires a valid Date or x-amz-date header".
     */
    MISSING_SECURITY_HEADER,
    /**
     * {@code AccessDenied} (403) "Request has expired" (or "is not valid yet"): a presigned URL outside its window,
     * or with an {@code X-Amz-Expires} that gives it none (negative, or over 604800 seconds).
     */
    EXPIRED_PRESIGNED_REQUEST,
    /** {@code XAmzContentSHA256Mismatch} (400): the body's SHA-256 is not the declared {@code x-amz-content-sha256}. */
    X_AMZ_CONTENT_SHA256_MISMATCH,
    /**
     * {@code InvalidArgument} (400): an authentication mechanism or value we do not accept: an unknown
     * {@code Authorization} scheme, two mechanisms in one request, an {@code x-amz-content-sha256} that is neither
     * a digest nor a known keyword, or a streaming payload on a request that cannot carry one.
     */
    INVALID_ARGUMENT,
    /** {@code InvalidToken} (400): the session token is missing, unexpected, or not the credentials' token. */
    INVALID_TOKEN,
    /** {@code IncompleteBody} (400): the body ended early, or its decoded length is not {@code x-amz-decoded-content-length}. */
    INCOMPLETE_BODY,
    /**
     * {@code SignatureDoesNotMatch} (403): a chunk signature or the trailer signature of an {@code aws-chunked}
     * body is wrong. S3 has no separate code; this constant exists so logs and metrics can tell a bad chunk from a
     * bad request signature.
     */
    INVALID_CHUNK_SIGNATURE,
    /**
     * {@code InvalidRequest} (400): the {@code aws-chunked} framing is broken: a chunk header that does not parse,
     * a chunk over {@link ChunkedPayloadStream#MAX_CHUNK_SIZE}, a missing CRLF, or bytes after the final chunk.
     */
    INVALID_REQUEST,
    /** {@code MalformedTrailerError} (400): trailing headers that do not parse, are undeclared, or are missing. */
    MALFORMED_TRAILER
}
