package dev.cairn.storage.api;

import dev.cairn.notifications.config.NotificationConfigException;
import dev.cairn.notifications.config.NotificationConfiguration;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * Put/GetBucketNotificationConfiguration ({@code ?notification}). The configuration names this node's targets by
 * ARN ({@code arn:cairn:sqs::<ID>:kafka|webhook}); an ARN the node does not have is refused, as S3 refuses a
 * destination it cannot validate. An empty configuration turns the bucket's notifications off.
 */
final class NotificationHandlers {
    /** Far above any real configuration; a larger body is not one. */
    static final int MAX_BODY = 256 * 1024;

    private final Predicate<String> knownArn;

    NotificationHandlers(Predicate<String> knownArn) {
        this.knownArn = knownArn;
    }

    void get(S3Call call) {
        call.layer.getBucketInfo(call.bucket());
        call.xml(200, call.settings.notification(call.bucket()).toXml());
    }

    void put(S3Call call) throws IOException {
        call.layer.getBucketInfo(call.bucket());
        byte[] body = call.body().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new S3Exception(S3Error.MALFORMED_XML, "The notification configuration is too large.");
        }
        NotificationConfiguration config;
        try {
            config = NotificationConfiguration.parse(body, knownArn);
        } catch (NotificationConfigException e) {
            throw new S3Exception(switch (e.kind()) {
                case MALFORMED_XML -> S3Error.MALFORMED_XML;
                case INVALID_ARGUMENT -> S3Error.INVALID_ARGUMENT;
            }, e.getMessage());
        }
        call.settings.setNotification(call.bucket(), config);
        call.empty(200);
    }
}
