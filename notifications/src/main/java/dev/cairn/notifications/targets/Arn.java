package dev.cairn.notifications.targets;

import java.util.Locale;

/**
 * A target's ARN: {@code arn:cairn:sqs::<ID>:<kind>} (kind {@code kafka} or {@code webhook}), what a bucket's
 * {@code QueueConfiguration} names as its {@code Queue}. The id is compared without regard to case (environment
 * variables are written upper case, configuration keys lower case).
 */
public record Arn(String id, String kind) {
    static final String PREFIX = "arn:cairn:sqs::";

    @Override
    public String toString() {
        return PREFIX + id + ":" + kind;
    }

    /** Whether {@code text} names this target. */
    public boolean matches(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return false;
        }
        String rest = text.substring(PREFIX.length());
        int colon = rest.lastIndexOf(':');
        return colon > 0 && rest.substring(0, colon).equalsIgnoreCase(id) && rest.substring(colon + 1).equals(kind);
    }

    /** A name for the target's queue directory: the kind and the id, lower case. */
    public String directoryName() {
        return kind + "-" + id.toLowerCase(Locale.ROOT);
    }
}
