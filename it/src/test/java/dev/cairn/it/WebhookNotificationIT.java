package dev.cairn.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node with a webhook target (an HTTP server in this test): bucket notification configuration through the AWS
 * SDK with its error cases, every event type delivered with the right fields, and a failing webhook retried until
 * it takes every event.
 */
class WebhookNotificationIT {
    static final String USER = "hook-admin";
    static final String SECRET = "hook-secret-key-123";
    static final String ARN = "arn:cairn:sqs::AUDIT:webhook";

    @TempDir
    static Path dir;
    static WebhookReceiver hook;
    static CairnProcess node;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        hook = new WebhookReceiver();
        node = CairnProcess.startReady(dir, USER, SECRET, Map.of("CAIRN_NOTIFY_WEBHOOK_AUDIT_ENDPOINT", hook.url(),
                "CAIRN_NOTIFY_WEBHOOK_AUDIT_AUTH_TOKEN", "hook-token"));
        s3 = S3Clients.sync(node, USER, SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        node.close();
        hook.close();
    }

    @Test
    void theTargetIsListedWithItsArn() throws Exception {
        assertTrue(node.output().contains("notification target " + ARN), node.output());
        JsonNode t = AdminApi.target(node, ARN, USER, SECRET);
        assertEquals("set", t.at("/settings/authToken").asText(), "the token itself is never shown");
    }

    @Test
    void notificationConfigurationIsStoredReadBackAndRemoved() {
        s3.createBucket(b -> b.bucket("config"));
        assertTrue(s3.getBucketNotificationConfiguration(b -> b.bucket("config")).queueConfigurations().isEmpty());
        NotificationConfiguration config = NotificationConfiguration.builder().queueConfigurations(
                EventScenario.rule("images", ARN, "images/", ".jpg", "s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"))
                .build();
        s3.putBucketNotificationConfiguration(b -> b.bucket("config").notificationConfiguration(config));
        GetBucketNotificationConfigurationResponse got = s3.getBucketNotificationConfiguration(b -> b.bucket("config"));
        assertEquals(config.queueConfigurations(), got.queueConfigurations());

        s3.putBucketNotificationConfiguration(b -> b.bucket("config").notificationConfiguration(
                NotificationConfiguration.builder().build()));
        assertTrue(s3.getBucketNotificationConfiguration(b -> b.bucket("config")).queueConfigurations().isEmpty());
    }

    @Test
    void badConfigurationsAreRefusedAsS3RefusesThem() {
        s3.createBucket(b -> b.bucket("refusals"));
        assertRefused("InvalidArgument", "A specified destination ARN does not exist",
                EventScenario.rule("x", "arn:cairn:sqs::NOPE:kafka", null, null, "s3:ObjectCreated:*"));
        assertRefused("InvalidArgument", "is not supported",
                EventScenario.rule("x", ARN, null, null, "s3:ObjectCreated:Everything"));
        assertRefused("InvalidArgument", "overlap",
                EventScenario.rule("a", ARN, "img/", null, "s3:ObjectCreated:*"),
                EventScenario.rule("b", ARN, "img/2026/", null, "s3:ObjectCreated:Put"));
        assertRefused("InvalidArgument", "more than one prefix", QueueConfiguration.builder().id("x").queueArn(ARN)
                .eventsWithStrings("s3:ObjectCreated:Put").filter(f -> f.key(k -> k.filterRules(
                        r -> r.name("prefix").value("a"), r -> r.name("prefix").value("b")))).build());
        assertRefused("MalformedXML", "", QueueConfiguration.builder().id("x").queueArn(ARN).build());
        S3Exception topic = assertThrows(S3Exception.class, () -> s3.putBucketNotificationConfiguration(b -> b
                .bucket("refusals").notificationConfiguration(n -> n.topicConfigurations(TopicConfiguration.builder()
                        .topicArn("arn:aws:sns:us-east-1:123456789012:t").eventsWithStrings("s3:ObjectCreated:*")
                        .build()))));
        assertEquals("InvalidArgument", topic.awsErrorDetails().errorCode());
        S3Exception noBucket = assertThrows(S3Exception.class, () -> s3.putBucketNotificationConfiguration(b -> b
                .bucket("no-such-bucket-here").notificationConfiguration(NotificationConfiguration.builder().build())));
        assertEquals("NoSuchBucket", noBucket.awsErrorDetails().errorCode());
        assertTrue(s3.getBucketNotificationConfiguration(b -> b.bucket("refusals")).queueConfigurations().isEmpty(),
                "nothing refused was stored");
    }

    private static void assertRefused(String code, String message, QueueConfiguration... rules) {
        S3Exception e = assertThrows(S3Exception.class, () -> s3.putBucketNotificationConfiguration(b -> b
                .bucket("refusals").notificationConfiguration(n -> n.queueConfigurations(rules))));
        assertEquals(400, e.statusCode());
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertTrue(e.awsErrorDetails().errorMessage().contains(message), e.awsErrorDetails().errorMessage());
    }

    @Test
    void everyEventTypeArrivesOnceWithTheRightFields() throws Exception {
        EventScenario scenario = new EventScenario(s3, node.url(""), "hook-events", ARN, USER, SECRET);
        int n = scenario.run();
        List<JsonNode> records = hook.await(n, 30);
        Thread.sleep(500); // nothing else may arrive: every event once
        scenario.verify(hook.await(n, 0));
        assertTrue(hook.authorizations().stream().allMatch("Bearer hook-token"::equals), hook.authorizations().toString());
        assertTrue(records.size() >= n);
    }

    @Test
    void aFailingWebhookGetsRetriesNotDrops() throws Exception {
        s3.createBucket(b -> b.bucket("flaky"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("flaky").notificationConfiguration(n -> n
                .queueConfigurations(EventScenario.rule("all", ARN, null, null, "s3:ObjectCreated:*"))));
        hook.refuseNext(4);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String key = "k" + i;
            keys.add(key);
            s3.putObject(b -> b.bucket("flaky").key(key), RequestBody.fromString("v" + i));
        }
        List<String> arrived = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (arrived.size() < keys.size() && System.nanoTime() < deadline) {
            arrived = hook.await(0, 0).stream().filter(r -> r.at("/s3/bucket/name").asText().equals("flaky"))
                    .map(EventScenario::key).toList();
            Thread.sleep(100);
        }
        assertEquals(4, hook.refused(), "the webhook refused its first requests");
        assertEquals(keys, arrived, "every event, once, in order, after the retries");
        JsonNode t = AdminApi.target(node, ARN, USER, SECRET);
        assertTrue(t.path("failures").asLong() >= 1, t.toString());
        assertEquals(0, t.path("dropped").asLong(), t.toString());
    }
}
