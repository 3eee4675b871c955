package dev.cairn.it;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3KeyFilter;
import software.amazon.awssdk.services.s3.model.S3Response;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event type once, on a versioned bucket with filters: the operations a client does, what each must produce
 * (and what must produce nothing), and the check of the records a target received against that. Shared by the
 * Kafka and the webhook tests, so both targets are held to the same records.
 */
final class EventScenario {
    /** One record the scenario expects: its name, key, and what the S3 response told the client. */
    record Expected(String eventName, String key, String configurationId, Long size, String etag, String versionId,
                    String requestId) {
    }

    private final S3Client s3;
    private final String bucket;
    private final String arn;
    private final String endpoint;
    private final String user;
    private final String secret;
    private final List<Expected> expected = new ArrayList<>();
    private Instant started;

    EventScenario(S3Client s3, String endpoint, String bucket, String arn, String user, String secret) {
        this.s3 = s3;
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.arn = arn;
        this.user = user;
        this.secret = secret;
    }

    static QueueConfiguration rule(String id, String arn, String prefix, String suffix, String... events) {
        List<FilterRule> rules = new ArrayList<>();
        if (prefix != null) {
            rules.add(FilterRule.builder().name(FilterRuleName.PREFIX).value(prefix).build());
        }
        if (suffix != null) {
            rules.add(FilterRule.builder().name(FilterRuleName.SUFFIX).value(suffix).build());
        }
        QueueConfiguration.Builder b = QueueConfiguration.builder().id(id).queueArn(arn).eventsWithStrings(events);
        if (!rules.isEmpty()) {
            b.filter(NotificationConfigurationFilter.builder().key(S3KeyFilter.builder().filterRules(rules).build())
                    .build());
        }
        return b.build();
    }

    /** Runs every operation; returns how many records the target must receive. */
    int run() throws Exception {
        started = Instant.now();
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(
                NotificationConfiguration.builder().queueConfigurations(
                        rule("created", arn, "in/", null, "s3:ObjectCreated:*"),
                        rule("removed", arn, "in/", null, "s3:ObjectRemoved:*"),
                        rule("tagging", arn, "in/", null, "s3:ObjectTagging:*"),
                        rule("accessed", arn, "in/", ".txt", "s3:ObjectAccessed:Get", "s3:ObjectAccessed:Head"))
                        .build()));

        String put = "in/put one+.txt";
        var p = s3.putObject(b -> b.bucket(bucket).key(put).metadata(Map.of("color", "blue")),
                RequestBody.fromString("hello"));
        expect("ObjectCreated:Put", put, "created", 5L, p.eTag(), p.versionId(), p);
        s3.putObject(b -> b.bucket(bucket).key("out/skipped.txt"), RequestBody.fromString("no event: prefix"));

        HttpResponse<String> post = FormPost.upload(endpoint, bucket, "in/post.txt", "posted".getBytes(
                StandardCharsets.UTF_8), user, secret);
        assertEquals(204, post.statusCode(), post.body());
        String postVersion = post.headers().firstValue("x-amz-version-id").orElseThrow();
        expected.add(new Expected("ObjectCreated:Post", "in/post.txt", "created", 6L,
                unquote(post.headers().firstValue("ETag").orElseThrow()), postVersion,
                post.headers().firstValue("x-amz-request-id").orElseThrow()));

        var copy = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(put).destinationBucket(bucket)
                .destinationKey("in/copy.txt"));
        expect("ObjectCreated:Copy", "in/copy.txt", "created", 5L, copy.copyObjectResult().eTag(), copy.versionId(),
                copy);

        String mp = "in/multi.bin";
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(mp)).uploadId();
        var part1 = s3.uploadPart(b -> b.bucket(bucket).key(mp).uploadId(upload).partNumber(1),
                RequestBody.fromBytes(new byte[5 * 1024 * 1024]));
        var part2 = s3.uploadPart(b -> b.bucket(bucket).key(mp).uploadId(upload).partNumber(2),
                RequestBody.fromBytes(new byte[1024]));
        var done = s3.completeMultipartUpload(b -> b.bucket(bucket).key(mp).uploadId(upload).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(part1.eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(part2.eTag()).build())));
        expect("ObjectCreated:CompleteMultipartUpload", mp, "created", 5L * 1024 * 1024 + 1024, done.eTag(),
                done.versionId(), done);

        var tag = s3.putObjectTagging(b -> b.bucket(bucket).key(put).tagging(t -> t.tagSet(x -> x.key("k").value("v"))));
        expect("ObjectTagging:Put", put, "tagging", 5L, p.eTag(), p.versionId(), tag);
        var untag = s3.deleteObjectTagging(b -> b.bucket(bucket).key(put));
        expect("ObjectTagging:Delete", put, "tagging", 5L, p.eTag(), p.versionId(), untag);

        var get = s3.getObjectAsBytes(b -> b.bucket(bucket).key(put));
        expect("ObjectAccessed:Get", put, "accessed", 5L, p.eTag(), p.versionId(), get.response());
        var head = s3.headObject(b -> b.bucket(bucket).key(put));
        expect("ObjectAccessed:Head", put, "accessed", 5L, p.eTag(), p.versionId(), head);
        s3.getObjectAsBytes(b -> b.bucket(bucket).key(mp)); // no event: the Get rule wants .txt

        DeleteObjectResponse marker = s3.deleteObject(b -> b.bucket(bucket).key("in/copy.txt"));
        assertTrue(marker.deleteMarker());
        expect("ObjectRemoved:DeleteMarkerCreated", "in/copy.txt", "removed", null, null, marker.versionId(), marker);
        var removed = s3.deleteObject(b -> b.bucket(bucket).key("in/copy.txt").versionId(copy.versionId()));
        expect("ObjectRemoved:Delete", "in/copy.txt", "removed", null, null, copy.versionId(), removed);

        var batch = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("in/post.txt").versionId(postVersion).build(),
                ObjectIdentifier.builder().key(mp).versionId(done.versionId()).build())));
        assertEquals(2, batch.deleted().size());
        expect("ObjectRemoved:Delete", "in/post.txt", "removed", null, null, postVersion, batch);
        expect("ObjectRemoved:Delete", mp, "removed", null, null, done.versionId(), batch);
        s3.deleteObject(b -> b.bucket(bucket).key("out/skipped.txt")); // no event: prefix
        return expected.size();
    }

    private void expect(String name, String key, String config, Long size, String etag, String versionId,
                        S3Response response) {
        expected.add(new Expected(name, key, config, size, etag == null ? null : unquote(etag), versionId,
                response.responseMetadata().requestId()));
    }

    private static String unquote(String etag) {
        return etag.replace("\"", "");
    }

    /** Checks the records of this scenario's bucket: each expected one exactly once, in order, every field right. */
    void verify(List<JsonNode> all) {
        List<JsonNode> records = all.stream().filter(r -> r.at("/s3/bucket/name").asText().equals(bucket))
                .sorted(Comparator.comparing(r -> r.at("/s3/object/sequencer").asText())).toList();
        assertEquals(expected.stream().map(e -> e.eventName + " " + e.key).toList(),
                records.stream().map(r -> r.path("eventName").asText() + " " + key(r)).toList());
        Instant finished = Instant.now();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            Expected e = expected.get(i);
            String what = e.eventName + " " + e.key + ": " + r;
            assertEquals("2.1", r.path("eventVersion").asText(), what);
            assertEquals("cairn:s3", r.path("eventSource").asText(), what);
            assertEquals("us-east-1", r.path("awsRegion").asText(), what);
            Instant time = Instant.parse(r.path("eventTime").asText());
            assertTrue(!time.isBefore(started.minusSeconds(1)) && !time.isAfter(finished), what);
            assertTrue(r.path("eventTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), what);
            assertEquals(user, r.at("/userIdentity/principalId").asText(), what);
            assertEquals("127.0.0.1", r.at("/requestParameters/sourceIPAddress").asText(), what);
            assertEquals(e.requestId, r.at("/responseElements/x-amz-request-id").asText(), what);
            assertFalse(r.at("/responseElements/x-amz-id-2").asText().isEmpty(), what);
            assertEquals("1.0", r.at("/s3/s3SchemaVersion").asText(), what);
            assertEquals(e.configurationId, r.at("/s3/configurationId").asText(), what);
            assertEquals("arn:aws:s3:::" + bucket, r.at("/s3/bucket/arn").asText(), what);
            assertEquals(user, r.at("/s3/bucket/ownerIdentity/principalId").asText(), what);
            JsonNode o = r.at("/s3/object");
            assertEquals(e.size == null, o.path("size").isMissingNode(), what);
            if (e.size != null) {
                assertEquals((long) e.size, o.path("size").asLong(), what);
                assertEquals(e.etag, o.path("eTag").asText(), what);
            }
            assertEquals(e.versionId, o.path("versionId").asText(), what);
            assertTrue(o.path("sequencer").asText().matches("[0-9A-F]{16}"), what);
        }
        assertEquals("in/put+one%2B.txt", records.getFirst().at("/s3/object/key").asText(), "URL-encoded as S3 does");
        assertEquals("blue", records.getFirst().at("/s3/object/userMetadata/x-amz-meta-color").asText());
    }

    static String key(JsonNode record) {
        return URLDecoder.decode(record.at("/s3/object/key").asText(), StandardCharsets.UTF_8);
    }
}
