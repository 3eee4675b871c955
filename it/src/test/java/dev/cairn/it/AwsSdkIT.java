package dev.cairn.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The AWS SDK for Java v2 against a node process: sync client, async (Netty, no CRT) client, transfer manager. */
class AwsSdkIT {
    static final String USER = "sdk-admin";
    static final String SECRET = "sdk-secret-key-123";

    @TempDir
    static Path dir;
    static CairnProcess node;
    static S3Client sync;
    static S3AsyncClient async;

    @BeforeAll
    static void start() throws Exception {
        node = CairnProcess.startReady(dir, USER, SECRET, Map.of());
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(USER, SECRET));
        sync = S3Client.builder().endpointOverride(URI.create(node.url(""))).region(Region.US_EAST_1)
                .credentialsProvider(creds).forcePathStyle(true).build();
        async = S3AsyncClient.builder().endpointOverride(URI.create(node.url(""))).region(Region.US_EAST_1)
                .credentialsProvider(creds).forcePathStyle(true).multipartEnabled(true).build();
    }

    @AfterAll
    static void stop() throws Exception {
        sync.close();
        async.close();
        node.close();
    }

    @Test
    void syncClientPutsGetsListsAndDeletes() {
        sync.createBucket(b -> b.bucket("sdk-sync"));
        byte[] data = new byte[3 * 1024 * 1024 + 7];
        new Random(1).nextBytes(data);
        sync.putObject(b -> b.bucket("sdk-sync").key("a/b.bin").contentType("application/octet-stream")
                .metadata(Map.of("k", "v")), RequestBody.fromBytes(data));
        ResponseBytes<GetObjectResponse> got = sync.getObjectAsBytes(b -> b.bucket("sdk-sync").key("a/b.bin"));
        assertArrayEquals(data, got.asByteArray());
        assertEquals("v", got.response().metadata().get("k"));
        assertEquals(1, sync.listObjectsV2(b -> b.bucket("sdk-sync").prefix("a/")).keyCount());
        sync.deleteObject(b -> b.bucket("sdk-sync").key("a/b.bin"));
        assertThrows(NoSuchKeyException.class, () -> sync.headObject(b -> b.bucket("sdk-sync").key("a/b.bin")));
        S3Exception notEmpty = assertThrows(S3Exception.class, () -> {
            sync.putObject(b -> b.bucket("sdk-sync").key("x"), RequestBody.fromString("x"));
            sync.deleteBucket(b -> b.bucket("sdk-sync"));
        });
        assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
    }

    @Test
    void crc32cChecksumsAreVerifiedAndReturned() {
        sync.createBucket(b -> b.bucket("sdk-checksums"));
        var put = sync.putObject(b -> b.bucket("sdk-checksums").key("c")
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C),
                RequestBody.fromString("checksummed"));
        var head = sync.headObject(b -> b.bucket("sdk-checksums").key("c")
                .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED));
        assertEquals(put.checksumCRC32C(), head.checksumCRC32C());
        S3Exception bad = assertThrows(S3Exception.class, () -> sync.putObject(b -> b.bucket("sdk-checksums")
                .key("bad").checksumCRC32C("AAAAAA=="), RequestBody.fromString("checksummed")));
        assertEquals("BadDigest", bad.awsErrorDetails().errorCode());
    }

    @Test
    void asyncClientAndTransferManagerUseMultipart() throws Exception {
        async.createBucket(b -> b.bucket("sdk-async")).join();
        byte[] data = new byte[20 * 1024 * 1024 + 3];
        new Random(2).nextBytes(data);
        Path file = dir.resolve("upload.bin");
        Files.write(file, data);
        try (S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
            tm.uploadFile(u -> u.source(file).putObjectRequest(p -> p.bucket("sdk-async").key("big"))).completionFuture()
                    .join();
            Path back = dir.resolve("download.bin");
            tm.downloadFile(d -> d.destination(back).getObjectRequest(g -> g.bucket("sdk-async").key("big")))
                    .completionFuture().join();
            assertEquals(md5(data), md5(Files.readAllBytes(back)));
        }
        var head = async.headObject(b -> b.bucket("sdk-async").key("big")).join();
        assertEquals(data.length, head.contentLength());
        byte[] small = async.putObject(b -> b.bucket("sdk-async").key("small"), AsyncRequestBody.fromString("hi"))
                .thenCompose(r -> async.getObject(b -> b.bucket("sdk-async").key("small"),
                        AsyncResponseTransformer.toBytes())).join().asByteArray();
        assertEquals("hi", new String(small));
    }

    static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }
}
