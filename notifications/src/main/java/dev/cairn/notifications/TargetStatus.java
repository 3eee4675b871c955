package dev.cairn.notifications;

import java.util.Map;

/**
 * A target as the admin listing shows it.
 *
 * @param settings    its settings, secrets masked
 * @param online      whether its last delivery worked
 * @param pending     events queued and not yet acknowledged by it
 * @param queued      events queued since the node started
 * @param sent        events it acknowledged since the node started
 * @param dropped     events not queued because its queue was full or unwritable
 * @param failures    failed delivery attempts (each retried)
 * @param lastError   why delivery fails right now; null while it works
 * @param queueCopies drives holding a copy of its queue right now
 */
public record TargetStatus(String arn, Map<String, Object> settings, boolean online, long pending, long queueLimit,
                           long queued, long sent, long dropped, long failures, String lastError, int queueCopies) {
}
