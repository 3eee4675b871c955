package dev.cairn.storage.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The S3 error table: every error the API answers, with its wire code, HTTP status and default message, written
 * out. Codes and statuses are those of AWS S3 (its "List of error codes"); where AWS has no equivalent the entry
 * follows what MinIO answers, with Cairn's {@code XCairn} prefix in place of MinIO's {@code XMinio}.
 *
 * <p>Several constants may share an HTTP status, never a wire code: the class refuses to load on a duplicate
 * (see {@link #byCode}), so a copy-paste slip fails every test instead of answering a wrong code.
 */
public enum S3Error {
    ACCESS_DENIED("AccessDenied", 403, "Access Denied"),
    ACCESS_CONTROL_LIST_NOT_SUPPORTED("AccessControlListNotSupported", 400, "The bucket does not allow ACLs"),
    BAD_REQUEST_CORS("BadRequest", 400, "Insufficient information. Origin request header needed."),
    ACCESS_FORBIDDEN("AccessForbidden", 403, "CORSResponse: This CORS request is not allowed. This is usually "
            + "because the evalution of Origin, request method / Access-Control-Request-Method or "
            + "Access-Control-Request-Headers are not whitelisted by the resource's CORS spec."),
    ACCOUNT_PROBLEM("AccountProblem", 403,
            "There is a problem with your account that prevents the operation from completing successfully."),
    AUTHORIZATION_HEADER_MALFORMED("AuthorizationHeaderMalformed", 400,
            "The authorization header that you provided is not valid."),
    AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError", 400,
            "The query parameters of this presigned request are malformed or not valid."),
    BAD_DIGEST("BadDigest", 400, "The Content-MD5 you specified did not match what we received."),
    BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409,
            "The requested bucket name is not available. The bucket namespace is shared by all users of the system."
                    + " Select a different name and try again."),
    BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409,
            "The bucket that you tried to create already exists, and you own it."),
    BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket that you tried to delete is not empty."),
    ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size."),
    ENTITY_TOO_SMALL("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size."),
    EXPIRED_TOKEN("ExpiredToken", 400, "The provided token has expired."),
    ILLEGAL_LOCATION_CONSTRAINT("IllegalLocationConstraintException", 400,
            "The location constraint you specified does not match the region this request was sent to."),
    ILLEGAL_VERSIONING_CONFIGURATION("IllegalVersioningConfigurationException", 400,
            "The versioning configuration specified in the request is not valid."),
    INCOMPLETE_BODY("IncompleteBody", 400,
            "You did not provide the number of bytes specified by the Content-Length HTTP header."),
    INCORRECT_NUMBER_OF_FILES_IN_POST_REQUEST("IncorrectNumberOfFilesInPostRequest", 400,
            "POST requires exactly one file upload per request."),
    INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again."),
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403,
            "The access key ID you provided does not exist in our records."),
    INVALID_ARGUMENT("InvalidArgument", 400, "Invalid Argument"),
    INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP("InvalidBucketAclWithObjectOwnership", 400,
            "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting"),
    INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid."),
    INVALID_BUCKET_STATE("InvalidBucketState", 409, "The request is not valid for the current state of the bucket."),
    INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified is not valid."),
    INVALID_ENCRYPTION_ALGORITHM("InvalidEncryptionAlgorithmError", 400,
            "The encryption request you specified is not valid. The valid value is AES256."),
    INVALID_LOCATION_CONSTRAINT("InvalidLocationConstraint", 400, "The specified location constraint is not valid."),
    INVALID_OBJECT_STATE("InvalidObjectState", 403, "The operation is not valid for the current state of the object."),
    INVALID_PART("InvalidPart", 400,
            "One or more of the specified parts could not be found. The part may not have been uploaded, or the"
                    + " specified entity tag may not match the part's entity tag."),
    INVALID_PART_NUMBER("InvalidPartNumber", 416, "The requested partnumber is not satisfiable."),
    INVALID_PART_ORDER("InvalidPartOrder", 400,
            "The list of parts was not in ascending order. The parts list must be specified in order by part number."),
    INVALID_POLICY_DOCUMENT("InvalidPolicyDocument", 400,
            "The content of the form does not meet the conditions specified in the policy document."),
    INVALID_RANGE("InvalidRange", 416, "The requested range is not satisfiable"),
    INVALID_REQUEST("InvalidRequest", 400, "Invalid Request"),
    INVALID_TOKEN("InvalidToken", 400, "The provided token is malformed or otherwise invalid."),
    INVALID_STORAGE_CLASS("InvalidStorageClass", 400, "The storage class you specified is not valid."),
    INVALID_TAG("InvalidTag", 400, "The tag provided was not a valid tag."),
    INVALID_URI("InvalidURI", 400, "Couldn't parse the specified URI."),
    KEY_TOO_LONG("KeyTooLongError", 400, "Your key is too long."),
    MALFORMED_ACL_ERROR("MalformedACLError", 400,
            "The XML you provided was not well-formed or did not validate against our published schema."),
    MALFORMED_POST_REQUEST("MalformedPOSTRequest", 400,
            "The body of your POST request is not well-formed multipart/form-data."),
    MALFORMED_TRAILER("MalformedTrailerError", 400,
            "The request's trailing headers were missing or not well-formed."),
    MALFORMED_XML("MalformedXML", 400,
            "The XML you provided was not well-formed or did not validate against our published schema."),
    MAX_MESSAGE_LENGTH_EXCEEDED("MaxMessageLengthExceeded", 400, "Your request was too big."),
    METADATA_TOO_LARGE("MetadataTooLarge", 400,
            "Your metadata headers exceed the maximum allowed metadata size."),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "The specified method is not allowed against this resource."),
    MISSING_CONTENT_LENGTH("MissingContentLength", 411, "You must provide the Content-Length HTTP header."),
    MISSING_REQUEST_BODY("MissingRequestBodyError", 400, "Request body is empty."),
    MISSING_SECURITY_HEADER("MissingSecurityHeader", 400, "Your request is missing a required header."),
    NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist."),
    NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, "The bucket policy does not exist."),
    POLICY_TOO_LARGE("PolicyTooLarge", 400, "Policy exceeds the maximum allowed document size."),
    MALFORMED_POLICY("MalformedPolicy", 400, "Policies must be valid JSON and the first byte must be '{'"),
    NO_SUCH_CORS_CONFIGURATION("NoSuchCORSConfiguration", 404, "The CORS configuration does not exist."),
    NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
    NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION("NoSuchPublicAccessBlockConfiguration", 404,
            "The public access block configuration was not found"),
    NO_SUCH_LIFECYCLE_CONFIGURATION("NoSuchLifecycleConfiguration", 404, "The lifecycle configuration does not exist."),
    NO_SUCH_TAG_SET("NoSuchTagSet", 404, "The TagSet does not exist."),
    NO_SUCH_UPLOAD("NoSuchUpload", 404,
            "The specified multipart upload does not exist. The upload ID may be invalid, or the upload may have been"
                    + " aborted or completed."),
    NO_SUCH_VERSION("NoSuchVersion", 404,
            "The version ID specified in the request does not match an existing version."),
    OWNERSHIP_CONTROLS_NOT_FOUND("OwnershipControlsNotFoundError", 404, "The bucket ownership controls were not found"),
    /** 304: sent without a body (as are all errors answering HEAD); see {@link #hasBody()}. */
    NOT_MODIFIED("NotModified", 304, "Not Modified"),
    NOT_IMPLEMENTED("NotImplemented", 501,
            "A header you provided implies functionality that is not implemented."),
    PRECONDITION_FAILED("PreconditionFailed", 412, "At least one of the preconditions you specified did not hold."),
    REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403,
            "The difference between the request time and the server's time is too large."),
    REQUEST_TIMEOUT("RequestTimeout", 400,
            "Your socket connection to the server was not read from or written to within the timeout period."),
    SERVER_SIDE_ENCRYPTION_CONFIGURATION_NOT_FOUND("ServerSideEncryptionConfigurationNotFoundError", 404,
            "The server side encryption configuration was not found."),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "Service is unable to handle the request. Please try again."),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403,
            "The request signature we calculated does not match the signature you provided. Check your key and"
                    + " signing method."),
    SLOW_DOWN("SlowDown", 503, "Please reduce your request rate."),
    UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS("UnresolvableGrantByEmailAddress", 400,
            "The email address you provided does not match any account on record."),
    UNEXPECTED_CONTENT("UnexpectedContent", 400, "This request does not support content."),
    X_AMZ_CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch", 400,
            "The provided 'x-amz-content-sha256' header does not match what was computed."),

    // ---- not in AWS's table: MinIO's answers, under Cairn's names

    /** Too few drives answered a read; 503 so that SDKs retry (MinIO answers SlowDownRead). */
    INSUFFICIENT_READ_QUORUM("SlowDownRead", 503,
            "Too few drives could be read for this resource right now; please reduce your request rate and retry."),
    /** Too few drives took a write; 503 so that SDKs retry (MinIO answers SlowDownWrite). */
    INSUFFICIENT_WRITE_QUORUM("SlowDownWrite", 503,
            "Too few drives could be written for this resource right now; please reduce your request rate and retry."),
    /** A key the drives cannot store (empty segments, {@code .} or {@code ..}, NUL...): MinIO's InvalidObjectName. */
    INVALID_OBJECT_NAME("XCairnInvalidObjectName", 400, "Object name contains unsupported characters or segments."),
    /** 507 as MinIO answers when too many drives are full for a write quorum. */
    STORAGE_FULL("XCairnStorageFull", 507,
            "The storage backend has reached its free space threshold. Delete some objects to proceed.");

    private static final Map<String, S3Error> BY_CODE = indexByCode(values(), S3Error::code);

    private final String code;
    private final int httpStatus;
    private final String message;

    S3Error(String code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    /** The wire code, e.g. {@code NoSuchBucket}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The message sent when the thrower gave none. */
    public String defaultMessage() {
        return message;
    }

    /** Whether the response carries an XML body: a 304 never does (HTTP forbids it). */
    public boolean hasBody() {
        return httpStatus != 304;
    }

    /** The entry with wire code {@code code}, or null. */
    public static S3Error byCode(String code) {
        return BY_CODE.get(code);
    }

    /** Indexes an error table by wire code; a repeated code is an {@link ExceptionInInitializerError}. */
    static <E extends Enum<E>> Map<String, E> indexByCode(E[] values, Function<E, String> codeOf) {
        Map<String, E> byCode = new HashMap<>();
        for (E e : values) {
            E previous = byCode.putIfAbsent(codeOf.apply(e), e);
            if (previous != null) {
                throw new ExceptionInInitializerError(e.getDeclaringClass().getSimpleName() + "." + e.name()
                        + " repeats the wire code " + codeOf.apply(e) + " of " + previous.name());
            }
        }
        return Map.copyOf(byCode);
    }
}
