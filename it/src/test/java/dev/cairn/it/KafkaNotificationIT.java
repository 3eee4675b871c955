package dev.cairn.it;

import dev.cairn.kafka.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node with a Kafka target on a real broker (the kafka module's launcher, Kafka 4.3.1), read back with a plain
 * KafkaConsumer: every event type with its fields; the broker stopped in the middle of 1,000 PUTs; the node killed
 * with SIGKILL right after acknowledged PUTs.
 */
class KafkaNotificationIT {
    static final String USER = "kafka-admin";
    static final String SECRET = "kafka-secret-key-123";
    static final String ARN = "arn:cairn:sqs::MAIN:kafka";
    static final String TOPIC = "cairn-events";

    @TempDir
    static Path dir;
    static KafkaBroker kafka;
    static CairnProcess node;
    static S3Client s3;
    static TopicReader topic;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaBroker.builder().dir(dir.resolve("kafka")).build().start();
        startNode();
        topic = new TopicReader(kafka.bootstrapServers(), TOPIC);
    }

    static void startNode() throws Exception {
        node = CairnProcess.startReady(dir.resolve("node"), USER, SECRET, Map.of(
                "CAIRN_NOTIFY_KAFKA_MAIN_BROKERS", kafka.bootstrapServers(),
                "CAIRN_NOTIFY_KAFKA_MAIN_TOPIC", TOPIC));
        s3 = S3Clients.sync(node, USER, SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        topic.close();
        s3.close();
        node.close();
        kafka.close();
    }

    static void notifyAllCreated(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(EventScenario.rule("created", ARN, null, null, "s3:ObjectCreated:*"))));
    }

    @Test
    void everyEventTypeArrivesOnceWithTheRightFields() throws Exception {
        EventScenario scenario = new EventScenario(s3, node.url(""), "kafka-events", ARN, USER, SECRET);
        int n = scenario.run();
        topic.pollUntil(TopicReader.atLeast("kafka-events", n), Duration.ofSeconds(60));
        List<TopicReader.Received> all = topic.pollUntil(r -> false, Duration.ofSeconds(1)); // no extra ones
        List<TopicReader.Received> mine = TopicReader.of(all, "kafka-events");
        scenario.verify(mine.stream().map(TopicReader.Received::record).toList());
        for (TopicReader.Received r : mine) {
            assertEquals("kafka-events/" + EventScenario.key(r.record()), r.kafkaKey(), "keyed bucket/key");
        }
    }

    @Test
    void kafkaStoppedInTheMiddleOfAThousandPutsLosesNothingAndKeepsEachKeysOrder() throws Exception {
        String bucket = "thousand";
        notifyAllCreated(bucket);
        int keys = 10;
        int perKey = 100;
        AtomicInteger acknowledged = new AtomicInteger();
        Map<String, List<String>> etagsByKey = new ConcurrentHashMap<>();
        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> fs = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                String key = "key-" + k;
                fs.add(writers.submit(() -> {
                    List<String> etags = new ArrayList<>();
                    for (int i = 0; i < perKey; i++) {
                        String body = key + " version " + i;
                        etags.add(s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).eTag()
                                .replace("\"", ""));
                        acknowledged.incrementAndGet();
                    }
                    etagsByKey.put(key, etags);
                    return null;
                }));
            }
            awaitCount(acknowledged, 300);
            assertTrue(kafka.stop(), "the broker stopped cleanly");
            awaitCount(acknowledged, 700);
            kafka.start();
            for (Future<?> f : fs) {
                f.get();
            }
        }
        List<TopicReader.Received> mine = TopicReader.of(topic.pollUntil(all -> distinct(TopicReader.of(all, bucket))
                .size() >= keys * perKey, Duration.ofSeconds(120)), bucket);
        assertEquals(keys * perKey, distinct(mine).size(), "every acknowledged PUT has its event");
        // at-least-once: a batch in flight when the broker went away may come twice; after dropping repeats, each
        // key's events arrive in the order of its PUTs
        Map<String, List<String>> arrived = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (TopicReader.Received r : mine) {
            if (seen.add(r.sequencer())) {
                arrived.computeIfAbsent(r.kafkaKey(), x -> new ArrayList<>()).add(r.record().at("/s3/object/eTag")
                        .asText());
            }
        }
        for (int k = 0; k < keys; k++) {
            assertEquals(etagsByKey.get("key-" + k), arrived.get(bucket + "/key-" + k), "order of key-" + k);
        }
    }

    @Test
    void concurrentWritersOfOneKeyGetTheirEventsInTheOrderTheirVersionsCommitted() throws Exception {
        String bucket = "one-key";
        notifyAllCreated(bucket);
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v
                .status(BucketVersioningStatus.ENABLED)));
        int writers = 8;
        int each = 25;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("writer " + id + " #" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        List<String> committed = new ArrayList<>(s3.listObjectVersions(b -> b.bucket(bucket)).versions().stream()
                .map(ObjectVersion::versionId).toList());
        Collections.reverse(committed); // newest first in a listing
        assertEquals(writers * each, committed.size());
        List<TopicReader.Received> mine = TopicReader.of(topic.pollUntil(all -> distinct(TopicReader.of(all, bucket))
                .size() >= writers * each, Duration.ofSeconds(60)), bucket);
        List<String> arrived = new ArrayList<>();
        List<String> sequencers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TopicReader.Received r : mine) {
            if (seen.add(r.sequencer())) { // at-least-once: drop repeats
                arrived.add(r.record().at("/s3/object/versionId").asText());
                sequencers.add(r.sequencer());
            }
        }
        assertEquals(committed.size(), arrived.size());
        for (int i = 0; i < arrived.size(); i++) {
            assertEquals(committed.get(i), arrived.get(i), "the partition holds version " + i + " in commit order");
            if (i > 0) {
                assertTrue(sequencers.get(i - 1).compareTo(sequencers.get(i)) < 0, "sequencers rise at " + i);
            }
        }
    }

    @Test
    void eventsOfPutsAcknowledgedBeforeTheNodeWasKilledArriveAfterItsRestart() throws Exception {
        String bucket = "killed";
        notifyAllCreated(bucket);
        kafka.stop(); // the events can only be in the node's queue on its drives
        Map<String, String> etags = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            String key = "k" + i;
            etags.put(bucket + "/" + key, s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key))
                    .eTag().replace("\"", ""));
        }
        node.process.destroyForcibly(); // SIGKILL, right after the last acknowledged PUT
        node.process.waitFor();
        s3.close();
        kafka.start();
        startNode();
        assertEventsArrive(bucket, etags);
    }

    /** Every key of {@code etags} arrives (at least once) with its ETag. */
    static void assertEventsArrive(String bucket, Map<String, String> etags) throws InterruptedException {
        List<TopicReader.Received> mine = TopicReader.of(topic.pollUntil(all -> distinct(TopicReader.of(all, bucket))
                .size() >= etags.size(), Duration.ofSeconds(120)), bucket);
        Map<String, String> arrived = new HashMap<>();
        for (TopicReader.Received r : mine) {
            arrived.put(r.kafkaKey(), r.record().at("/s3/object/eTag").asText());
        }
        assertEquals(etags, arrived);
    }

    /**
     * A PUT's event rides in its commit's meta-journal records, and its queue is synced later: an OS crash could
     * take the queue's unsynced writes. Simulated: the node killed, then every queue segment on its drives
     * deleted. The events come back from the meta journals' riders at the restart (without them, none would).
     */
    @Test
    void eventsOnlyTheMetaJournalsStillHoldAfterACrashArriveAfterTheRestart() throws Exception {
        String bucket = "power-cut";
        notifyAllCreated(bucket);
        kafka.stop();
        Map<String, String> etags = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            String key = "k" + i;
            etags.put(bucket + "/" + key, s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key))
                    .eTag().replace("\"", ""));
        }
        node.process.destroyForcibly();
        node.process.waitFor();
        s3.close();
        int deleted = 0;
        for (int d = 1; d <= 4; d++) {
            Path events = dir.resolve("node/d" + d + "/.cairn.sys/events");
            try (var files = Files.walk(events)) {
                for (Path seg : files.filter(f -> f.toString().endsWith(".seg")).toList()) {
                    Files.delete(seg);
                    deleted++;
                }
            }
        }
        assertTrue(deleted > 0, "the queue had segments to lose");
        kafka.start();
        startNode();
        assertEventsArrive(bucket, etags);
        assertTrue(node.output().contains("events the crash left only in the meta journals are queued again"),
                "the restart says it put events back");
    }

    /**
     * End-to-end latency from the PUT's response to the consumer's poll, with the node's queue sync and the
     * producer's linger in it: printed, and held to a loose bound.
     */
    @Test
    void latencyFromPutResponseToConsumer() throws Exception {
        String bucket = "latency";
        notifyAllCreated(bucket);
        // warm-up: the topic exists, the producer is connected and the consumer assigned before anything is timed
        s3.putObject(r -> r.bucket(bucket).key("warm-up"), RequestBody.fromString("w"));
        topic.pollUntil(TopicReader.atLeast(bucket, 1), Duration.ofSeconds(60));
        int n = 400;
        Map<String, Long> answered = new ConcurrentHashMap<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                int first = w;
                writers.submit(() -> {
                    for (int i = first; i < n; i += 4) {
                        String key = "k" + i;
                        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
                        answered.put(bucket + "/" + key, System.nanoTime());
                    }
                });
            }
            List<TopicReader.Received> mine = TopicReader.of(topic.pollUntil(TopicReader.atLeast(bucket, n + 1),
                    Duration.ofSeconds(120)), bucket);
            List<Long> micros = new ArrayList<>();
            for (TopicReader.Received r : mine) {
                Long at = answered.get(r.kafkaKey());
                if (at != null) { // the response may be processed a moment after the record arrived
                    micros.add(Math.max(0, (r.receivedNanos() - at) / 1000));
                }
            }
            micros.sort(null);
            long p50 = micros.get(micros.size() / 2);
            long p99 = micros.get(micros.size() * 99 / 100);
            System.out.printf("notification latency PUT response -> consumer over %d events: p50 %.1f ms, p99 %.1f ms,"
                    + " max %.1f ms%n", micros.size(), p50 / 1000.0, p99 / 1000.0, micros.getLast() / 1000.0);
            assertTrue(micros.size() >= n * 9 / 10, "latencies measured: " + micros.size());
            assertTrue(p99 < 10_000_000, "p99 " + p99 + " µs");
        }
    }

    /**
     * How many events a second the forwarder delivers from a backlog: {@code -Dcairn.measure=true} queues 3,000
     * events while the broker is stopped and times their arrival once it is back.
     */
    @Test
    void forwarderDrainRate() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("cairn.measure"), "a measurement");
        String bucket = "backlog";
        notifyAllCreated(bucket);
        int n = 3000;
        kafka.stop();
        try (ExecutorService writers = Executors.newFixedThreadPool(16)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int first = w;
                fs.add(writers.submit(() -> {
                    for (int i = first; i < n; i += 16) {
                        String key = "k" + i;
                        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        kafka.start();
        List<TopicReader.Received> mine = TopicReader.of(topic.pollUntil(TopicReader.atLeast(bucket, n),
                Duration.ofSeconds(300)), bucket);
        assertTrue(mine.size() >= n);
        // the consumer sees batches as the forwarder sends them: time from the first to the last record
        double seconds = (mine.getLast().receivedNanos() - mine.getFirst().receivedNanos()) / 1e9;
        System.out.printf("forwarder drained %d queued events in %.2f s: %.0f events/s%n", n, seconds, n / seconds);
    }

    private static Set<String> distinct(List<TopicReader.Received> records) {
        Set<String> s = new HashSet<>();
        records.forEach(r -> s.add(r.sequencer()));
        return s;
    }

    private static void awaitCount(AtomicInteger n, int target) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (n.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + n.get() + " PUTs acknowledged");
            }
            Thread.sleep(20);
        }
    }
}
