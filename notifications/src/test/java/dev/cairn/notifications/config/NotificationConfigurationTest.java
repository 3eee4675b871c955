package dev.cairn.notifications.config;

import dev.cairn.notifications.EventName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationConfigurationTest {
    static final String KAFKA = "arn:cairn:sqs::primary:kafka";
    static final String HOOK = "arn:cairn:sqs::hook:webhook";
    static final Predicate<String> KNOWN = arn -> arn.equals(KAFKA) || arn.equals(HOOK);

    static String doc(String... configs) {
        return "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + String.join("", configs)
                + "</NotificationConfiguration>";
    }

    static String queue(String id, String arn, String filter, String... events) {
        StringBuilder s = new StringBuilder("<QueueConfiguration>");
        if (id != null) {
            s.append("<Id>").append(id).append("</Id>");
        }
        s.append("<Queue>").append(arn).append("</Queue>");
        for (String e : events) {
            s.append("<Event>").append(e).append("</Event>");
        }
        if (filter != null) {
            s.append("<Filter><S3Key>").append(filter).append("</S3Key></Filter>");
        }
        return s.append("</QueueConfiguration>").toString();
    }

    static String rule(String name, String value) {
        return "<FilterRule><Name>" + name + "</Name><Value>" + value + "</Value></FilterRule>";
    }

    static NotificationConfiguration parse(String xml) {
        return NotificationConfiguration.parse(xml.getBytes(StandardCharsets.UTF_8), KNOWN);
    }

    @Test
    void parsesQueueConfigurationsWithWildcardsAndFilters() {
        NotificationConfiguration c = parse(doc(
                queue("images", KAFKA, rule("prefix", "images/") + rule("suffix", ".jpg"), "s3:ObjectCreated:*"),
                queue("removals", HOOK, null, "s3:ObjectRemoved:Delete", "s3:ObjectTagging:*")));
        assertEquals(2, c.rules().size());
        QueueRule images = c.rules().get(0);
        assertEquals("images", images.id());
        assertEquals(KAFKA, images.queueArn());
        assertEquals("images/", images.prefix());
        assertEquals(".jpg", images.suffix());
        assertEquals(Set.of(EventName.OBJECT_CREATED_PUT, EventName.OBJECT_CREATED_POST, EventName.OBJECT_CREATED_COPY,
                EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD), images.events());
        assertEquals(Set.of(EventName.OBJECT_REMOVED_DELETE, EventName.OBJECT_TAGGING_PUT,
                EventName.OBJECT_TAGGING_DELETE), c.rules().get(1).events());
    }

    @Test
    void readsBackWhatWasPutAndStoredFormParsesAgain() {
        NotificationConfiguration c = parse(doc(queue("a&amp;b", KAFKA, rule("prefix", "x/"), "s3:ObjectCreated:*",
                "s3:ObjectAccessed:Get")));
        String xml = new String(c.toXml(), StandardCharsets.UTF_8);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NotificationConfiguration "
                + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><QueueConfiguration><Id>a&amp;b</Id><Filter><S3Key>"
                + "<FilterRule><Name>Prefix</Name><Value>x/</Value></FilterRule></S3Key></Filter>"
                + "<Queue>arn:cairn:sqs::primary:kafka</Queue><Event>s3:ObjectCreated:*</Event>"
                + "<Event>s3:ObjectAccessed:Get</Event></QueueConfiguration></NotificationConfiguration>", xml);
        assertEquals(c, NotificationConfiguration.stored(c.toXml()));
    }

    @Test
    void anEmptyConfigurationTurnsNotificationsOff() {
        assertTrue(parse(doc()).isEmpty());
        assertTrue(parse("<NotificationConfiguration/>").isEmpty());
    }

    @Test
    void aConfigurationWithoutIdGetsOne() {
        String id = parse(doc(queue(null, KAFKA, null, "s3:ObjectCreated:Put"))).rules().getFirst().id();
        assertFalse(id.isEmpty());
    }

    @Test
    void storedConfigurationsKeepTargetsThatAreGoneNow() {
        byte[] xml = doc(queue("x", "arn:cairn:sqs::old:kafka", null, "s3:ObjectCreated:Put"))
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("arn:cairn:sqs::old:kafka", NotificationConfiguration.stored(xml).rules().getFirst().queueArn());
    }

    static Stream<Arguments> refused() {
        var malformed = NotificationConfigException.Kind.MALFORMED_XML;
        var invalid = NotificationConfigException.Kind.INVALID_ARGUMENT;
        return Stream.of(
                Arguments.of("not XML", "<NotificationConfiguration>", malformed),
                Arguments.of("empty body", "", malformed),
                Arguments.of("another root", "<Tagging/>", malformed),
                Arguments.of("unknown element", doc("<Foo/>"), malformed),
                Arguments.of("queue without events", doc(queue("a", KAFKA, null)), malformed),
                Arguments.of("no queue ARN", doc("<QueueConfiguration><Event>s3:ObjectCreated:Put</Event>"
                        + "</QueueConfiguration>"), malformed),
                Arguments.of("a DTD", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<NotificationConfiguration>&e;</NotificationConfiguration>", malformed),
                Arguments.of("unknown ARN", doc(queue("a", "arn:cairn:sqs::nope:kafka", null,
                        "s3:ObjectCreated:Put")), invalid),
                Arguments.of("ARN that is not one", doc(queue("a", "kafka", null, "s3:ObjectCreated:Put")), invalid),
                Arguments.of("unknown event", doc(queue("a", KAFKA, null, "s3:ObjectCreated:Bogus")), invalid),
                Arguments.of("event without s3: prefix", doc(queue("a", KAFKA, null, "ObjectCreated:Put")), invalid),
                Arguments.of("wildcard of everything", doc(queue("a", KAFKA, null, "s3:*")), invalid),
                Arguments.of("bad filter rule name", doc(queue("a", KAFKA, rule("middle", "x"),
                        "s3:ObjectCreated:Put")), invalid),
                Arguments.of("two prefixes", doc(queue("a", KAFKA, rule("prefix", "a") + rule("prefix", "b"),
                        "s3:ObjectCreated:Put")), invalid),
                Arguments.of("two suffixes", doc(queue("a", KAFKA, rule("suffix", "a") + rule("suffix", "b"),
                        "s3:ObjectCreated:Put")), invalid),
                Arguments.of("filter value over 1024 bytes", doc(queue("a", KAFKA, rule("prefix", "x".repeat(1025)),
                        "s3:ObjectCreated:Put")), invalid),
                Arguments.of("duplicate ids", doc(queue("a", KAFKA, rule("prefix", "x/"), "s3:ObjectCreated:Put"),
                        queue("a", KAFKA, rule("prefix", "y/"), "s3:ObjectCreated:Put")), invalid),
                Arguments.of("overlap: same events, no filters", doc(queue("a", KAFKA, null, "s3:ObjectCreated:*"),
                        queue("b", HOOK, null, "s3:ObjectCreated:Put")), invalid),
                Arguments.of("overlap: nested prefixes", doc(queue("a", KAFKA, rule("prefix", "img/"),
                        "s3:ObjectCreated:Put"), queue("b", HOOK, rule("prefix", "img/2024/"), "s3:ObjectCreated:Put")),
                        invalid),
                Arguments.of("overlap: prefix and suffix", doc(queue("a", KAFKA, rule("prefix", "img/"),
                        "s3:ObjectCreated:Put"), queue("b", HOOK, rule("suffix", ".jpg"), "s3:ObjectCreated:*")),
                        invalid),
                Arguments.of("topic configuration", doc("<TopicConfiguration><Topic>arn:aws:sns:us-east-1:1:t</Topic>"
                        + "<Event>s3:ObjectCreated:Put</Event></TopicConfiguration>"), invalid),
                Arguments.of("cloud function configuration", doc("<CloudFunctionConfiguration><CloudFunction>"
                        + "arn:aws:lambda:us-east-1:1:function:f</CloudFunction><Event>s3:ObjectCreated:Put</Event>"
                        + "</CloudFunctionConfiguration>"), invalid));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, String xml, NotificationConfigException.Kind kind) {
        NotificationConfigException e = assertThrows(NotificationConfigException.class, () -> parse(xml));
        assertEquals(kind, e.kind(), e.getMessage());
    }

    @Test
    void unknownArnHasTheS3Message() {
        var e = assertThrows(NotificationConfigException.class, () -> parse(doc(queue("a",
                "arn:cairn:sqs::nope:kafka", null, "s3:ObjectCreated:Put"))));
        assertTrue(e.getMessage().startsWith("A specified destination ARN does not exist or is not well-formed"));
    }

    @Test
    void disjointFiltersOnTheSameEventsAreAllowed() {
        NotificationConfiguration c = parse(doc(
                queue("jpg", KAFKA, rule("prefix", "img/") + rule("suffix", ".jpg"), "s3:ObjectCreated:*"),
                queue("png", HOOK, rule("prefix", "img/") + rule("suffix", ".png"), "s3:ObjectCreated:*"),
                queue("docs", KAFKA, rule("prefix", "docs/"), "s3:ObjectCreated:Put"),
                queue("deletes", KAFKA, null, "s3:ObjectRemoved:*")));
        assertEquals(4, c.rules().size());
    }

    static Stream<Arguments> matching() {
        return Stream.of(
                Arguments.of(EventName.OBJECT_CREATED_PUT, "img/a.jpg", List.of("jpg")),
                Arguments.of(EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD, "img/b.jpg", List.of("jpg")),
                Arguments.of(EventName.OBJECT_CREATED_POST, "img/a.png", List.of("png")),
                Arguments.of(EventName.OBJECT_CREATED_PUT, "img/a.gif", List.of()),
                Arguments.of(EventName.OBJECT_CREATED_PUT, "x/img/a.jpg", List.of()),
                Arguments.of(EventName.OBJECT_CREATED_PUT, "img/a.jpg.bak", List.of()),
                Arguments.of(EventName.OBJECT_ACCESSED_GET, "img/a.jpg", List.of()),
                Arguments.of(EventName.OBJECT_REMOVED_DELETE, "anything", List.of("deletes")),
                Arguments.of(EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED, "img/a.jpg", List.of("deletes")),
                Arguments.of(EventName.OBJECT_TAGGING_PUT, "img/a.jpg", List.of()));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("matching")
    void selectsExactlyTheEventsAndKeysItNames(EventName event, String key, List<String> ids) {
        NotificationConfiguration c = parse(doc(
                queue("jpg", KAFKA, rule("prefix", "img/") + rule("suffix", ".jpg"), "s3:ObjectCreated:*"),
                queue("png", HOOK, rule("suffix", ".png"), "s3:ObjectCreated:Post"),
                queue("deletes", KAFKA, null, "s3:ObjectRemoved:*")));
        assertEquals(ids, c.matching(event, key).stream().map(QueueRule::id).toList());
    }
}
