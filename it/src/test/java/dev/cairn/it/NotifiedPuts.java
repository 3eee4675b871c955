package dev.cairn.it;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** PUTs into a bucket whose created objects are notified to one target, and the Kafka keys they should arrive as. */
final class NotifiedPuts {
    static final String USER = "kafka-admin";
    static final String SECRET = "kafka-secret-key-123";

    private NotifiedPuts() {
    }

    /** Creates {@code bucket} with every created object notified to {@code arn}, then PUTs {@code n} objects. */
    static List<String> put(CairnProcess node, String arn, String bucket, int n) {
        try (S3Client s3 = S3Clients.sync(node, USER, SECRET)) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(c -> c
                    .queueConfigurations(EventScenario.rule("created", arn, null, null, "s3:ObjectCreated:*"))));
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = "object-" + i;
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("body " + i));
                keys.add(bucket + "/" + key);
            }
            return keys;
        }
    }

    /** The Kafka record keys ({@code bucket/key}) of {@code bucket}'s events, repeats folded. */
    static TreeSet<String> kafkaKeys(List<TopicReader.Received> received, String bucket) {
        TreeSet<String> keys = new TreeSet<>();
        TopicReader.of(received, bucket).forEach(r -> keys.add(r.kafkaKey()));
        return keys;
    }
}
