package dev.cairn.notifications.config;

import dev.cairn.notifications.EventName;

import java.util.List;
import java.util.Set;

/**
 * One {@code QueueConfiguration}: events of the listed kinds on keys with the prefix and suffix go to the
 * target {@code queueArn}.
 *
 * @param id       the configuration's Id ({@code configurationId} in the records)
 * @param patterns the {@code Event} values as the client wrote them (wildcards kept), for reading back
 * @param events   those patterns expanded
 * @param prefix   "" when the filter has none
 * @param suffix   "" when the filter has none
 */
public record QueueRule(String id, String queueArn, List<String> patterns, Set<EventName> events, String prefix,
                        String suffix) {

    public QueueRule {
        patterns = List.copyOf(patterns);
        events = Set.copyOf(events);
    }

    public boolean matches(EventName event, String key) {
        return events.contains(event) && key.startsWith(prefix) && key.endsWith(suffix);
    }

    /**
     * Whether some event could match both rules, which S3 refuses: a shared event type, prefixes one of which
     * starts the other, suffixes one of which ends the other (then {@code longerPrefix + longerSuffix} is a key
     * both select).
     */
    boolean overlaps(QueueRule other) {
        boolean sharedEvent = events.stream().anyMatch(other.events::contains);
        boolean prefixes = prefix.startsWith(other.prefix) || other.prefix.startsWith(prefix);
        boolean suffixes = suffix.endsWith(other.suffix) || other.suffix.endsWith(suffix);
        return sharedEvent && prefixes && suffixes;
    }
}
