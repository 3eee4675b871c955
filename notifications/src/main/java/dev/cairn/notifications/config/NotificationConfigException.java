package dev.cairn.notifications.config;

/**
 * A notification configuration the node refuses. {@link #kind} says which S3 error it is; the S3 API maps it
 * into its one error table.
 */
public final class NotificationConfigException extends RuntimeException {

    public enum Kind {
        /** Not XML, or not the shape of a NotificationConfiguration: S3's {@code MalformedXML}. */
        MALFORMED_XML,
        /** Well-formed but not acceptable (unknown ARN, event, filter, overlap): S3's {@code InvalidArgument}. */
        INVALID_ARGUMENT
    }

    private final Kind kind;

    public NotificationConfigException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static NotificationConfigException malformed(String message) {
        return new NotificationConfigException(Kind.MALFORMED_XML, message);
    }

    static NotificationConfigException invalid(String message) {
        return new NotificationConfigException(Kind.INVALID_ARGUMENT, message);
    }
}
