package dev.cairn.notifications.config;

import dev.cairn.notifications.EventName;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A bucket's notification configuration ({@code PUT/GET ?notification}): its queue rules. Only
 * {@code QueueConfiguration} exists here (Kafka and webhook targets have {@code arn:cairn:sqs:...} ARNs); topic,
 * cloud-function and EventBridge destinations are refused. An empty configuration turns notifications off.
 */
public record NotificationConfiguration(List<QueueRule> rules) {
    public static final NotificationConfiguration EMPTY = new NotificationConfiguration(List.of());
    static final int MAX_FILTER_VALUE_BYTES = 1024;
    static final String XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

    public NotificationConfiguration {
        rules = List.copyOf(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The rules that select this event, at most one per target ARN (overlapping rules are refused anyway). */
    public List<QueueRule> matching(EventName event, String key) {
        List<QueueRule> out = new ArrayList<>(1);
        for (QueueRule r : rules) {
            if (r.matches(event, key) && out.stream().noneMatch(o -> o.queueArn().equals(r.queueArn()))) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Parses and validates a configuration a client sent.
     *
     * @param knownArn whether a queue ARN names a target of this node; stored configurations are read back with
     *                 {@code arn -> true} (a target removed from the environment must not make a bucket unreadable)
     * @throws NotificationConfigException with the S3 error kind of the first problem found
     */
    public static NotificationConfiguration parse(byte[] xml, Predicate<String> knownArn) {
        ConfigXml.Tree root = ConfigXml.parse(xml);
        if (!root.name().equals("NotificationConfiguration")) {
            throw NotificationConfigException.malformed("The root element must be NotificationConfiguration");
        }
        List<QueueRule> rules = new ArrayList<>();
        for (ConfigXml.Tree child : root.children()) {
            switch (child.name()) {
                case "QueueConfiguration" -> rules.add(queueRule(child, knownArn));
                case "TopicConfiguration", "CloudFunctionConfiguration", "EventBridgeConfiguration" ->
                        throw NotificationConfigException.invalid("A specified destination ARN does not exist or is "
                                + "not well-formed: this server sends notifications only to queue targets "
                                + "(QueueConfiguration with an arn:cairn:sqs ARN), not " + child.name());
                default -> throw NotificationConfigException.malformed("Unexpected element " + child.name());
            }
        }
        NotificationConfiguration config = new NotificationConfiguration(rules);
        config.validate();
        return config;
    }

    private static QueueRule queueRule(ConfigXml.Tree node, Predicate<String> knownArn) {
        String id = null;
        String arn = null;
        List<String> patterns = new ArrayList<>();
        Set<EventName> events = new LinkedHashSet<>();
        String[] filter = {"", ""};
        for (ConfigXml.Tree c : node.children()) {
            switch (c.name()) {
                case "Id" -> id = c.text();
                case "Queue" -> arn = c.text();
                case "Event" -> {
                    patterns.add(c.text());
                    try {
                        events.addAll(EventName.expand(c.text()));
                    } catch (IllegalArgumentException e) {
                        throw NotificationConfigException.invalid(e.getMessage());
                    }
                }
                case "Filter" -> filter = FilterRules.parse(c);
                default -> throw NotificationConfigException.malformed("Unexpected element " + c.name()
                        + " in QueueConfiguration");
            }
        }
        if (arn == null || arn.isEmpty() || events.isEmpty()) {
            throw NotificationConfigException.malformed("A QueueConfiguration needs a Queue and at least one Event");
        }
        if (!knownArn.test(arn)) {
            throw NotificationConfigException.invalid("A specified destination ARN does not exist or is not "
                    + "well-formed. Verify the destination ARN: " + arn);
        }
        if (id == null || id.isEmpty()) {
            id = UUID.randomUUID().toString(); // S3 names a configuration without Id itself
        }
        return new QueueRule(id, arn, patterns, events, filter[0], filter[1]);
    }

    private void validate() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            QueueRule r = rules.get(i);
            if (!ids.add(r.id())) {
                throw NotificationConfigException.invalid("Two notification configurations have the Id " + r.id());
            }
            for (int j = 0; j < i; j++) {
                if (r.overlaps(rules.get(j))) {
                    throw NotificationConfigException.invalid("Configurations overlap. Configurations on the same "
                            + "bucket cannot share a common event type with overlapping prefixes and suffixes ("
                            + rules.get(j).id() + " and " + r.id() + ").");
                }
            }
        }
    }

    /** The configuration as GetBucketNotificationConfiguration answers it (and as it is stored). */
    public byte[] toXml() {
        StringBuilder x = new StringBuilder(256);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NotificationConfiguration xmlns=\"").append(XMLNS)
                .append("\">");
        for (QueueRule r : rules) {
            x.append("<QueueConfiguration>");
            ConfigXml.element(x, "Id", r.id());
            if (!r.prefix().isEmpty() || !r.suffix().isEmpty()) {
                x.append("<Filter><S3Key>");
                FilterRules.write(x, "Prefix", r.prefix()); // S3 answers the names capitalized, whatever was sent
                FilterRules.write(x, "Suffix", r.suffix());
                x.append("</S3Key></Filter>");
            }
            ConfigXml.element(x, "Queue", r.queueArn());
            for (String p : r.patterns()) {
                ConfigXml.element(x, "Event", p);
            }
            x.append("</QueueConfiguration>");
        }
        x.append("</NotificationConfiguration>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a stored configuration back (its ARNs were checked when it was put). */
    public static NotificationConfiguration stored(byte[] xml) {
        return parse(xml, arn -> true);
    }
}
