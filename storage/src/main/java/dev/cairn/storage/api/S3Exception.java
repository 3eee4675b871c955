package dev.cairn.storage.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An S3 error to answer: an entry of the {@link S3Error} table, the message for the client (the table's unless
 * given), the resource it concerns, and what some errors add: extra elements of the {@code <Error>} document (in
 * the order added, e.g. {@code ActualObjectSize} and {@code RangeRequested} for InvalidRange) and response headers
 * (e.g. {@code x-amz-delete-marker} for NoSuchKey on a deleted key).
 *
 * <p>The {@code with*} methods add to this exception and return it, for use before it is thrown; an exception is
 * not shared between threads while being built. The message is sent to clients: put internal detail in the cause,
 * never in the message.
 */
public class S3Exception extends RuntimeException {

    /** Element names the Error document writes itself; an extra field may not reuse them. */
    private static final Set<String> RESERVED_FIELDS = Set.of("Code", "Message", "Resource", "RequestId", "HostId");
    private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private final S3Error error;
    private String resource;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public S3Exception(S3Error error) {
        this(error, null, null);
    }

    /** {@code message} null means the table's default message. */
    public S3Exception(S3Error error, String message) {
        this(error, message, null);
    }

    public S3Exception(S3Error error, String message, Throwable cause) {
        super(message == null ? Objects.requireNonNull(error, "error").defaultMessage() : message, cause);
        this.error = error;
    }

    public S3Error error() {
        return error;
    }

    public String code() {
        return error.code();
    }

    public int httpStatus() {
        return error.httpStatus();
    }

    /** The request's resource ({@code /bucket/key}), or null when not set. */
    public String resource() {
        return resource;
    }

    /** Extra elements of the Error document, in order; unmodifiable. */
    public Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** Response headers to send with the error; unmodifiable. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public S3Exception withResource(String resource) {
        this.resource = resource;
        return this;
    }

    /** Adds (or replaces) an extra element {@code <name>value</name>} of the Error document. */
    public S3Exception withField(String name, String value) {
        if (!ELEMENT_NAME.matcher(name).matches() || RESERVED_FIELDS.contains(name)) {
            throw new IllegalArgumentException("not a usable Error field name: " + name);
        }
        fields.put(name, Objects.requireNonNull(value, "value"));
        return this;
    }

    public S3Exception withHeader(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    // ---- errors whose extra fields are part of what clients read

    /** InvalidRange (416) with the object's size and the range asked for, as S3 reports them. */
    public static S3Exception invalidRange(long objectSize, String rangeRequested) {
        return new S3Exception(S3Error.INVALID_RANGE)
                .withField("RangeRequested", rangeRequested)
                .withField("ActualObjectSize", Long.toString(objectSize))
                .withHeader("Content-Range", "bytes */" + objectSize);
    }

    /** PreconditionFailed (412) naming the failed condition header, e.g. {@code If-Match}. */
    public static S3Exception preconditionFailed(String condition) {
        return new S3Exception(S3Error.PRECONDITION_FAILED).withField("Condition", condition);
    }

    /** InvalidArgument naming the argument and the value refused, as S3 does. */
    public static S3Exception invalidArgument(String message, String argumentName, String argumentValue) {
        S3Exception e = new S3Exception(S3Error.INVALID_ARGUMENT, message).withField("ArgumentName", argumentName);
        return argumentValue == null ? e : e.withField("ArgumentValue", argumentValue);
    }
}
