package dev.cairn.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.api.xml.CompleteMultipartUploadRequest;
import dev.cairn.storage.object.UploadCompletion;
import dev.cairn.storage.object.UploadedPart;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Completing a multipart upload with checksums: the values are those of ceph/s3-tests' three 5 MiB parts of 'A',
 * 'B' and 'C' (computed independently there), combined the way S3 does.
 */
class UploadChecksumsTest {

    private static final String P1 = "275VF5loJr1YYawit0XSHREhkFXYkkPKGuoK0x9VKxI=";
    private static final String P2 = "mrHwOfjTL5Zwfj74F05HOQGLdUb7E5szdCbxgUSq6NM=";
    private static final String P3 = "Vw7oB/nKQ5xWb3hNgbyfkvDiivl+U+/Dft48nfJfDow=";
    private static final String COMPOSITE = "uWBwpe1dxI4Vw8Gf0X9ynOdw/SS6VBzfWm9giiv1sf4=-3";
    private static final Map<String, String> SHA256_UPLOAD = Map.of(UploadChecksums.ALGORITHM_KEY, "SHA256",
            ChecksumRequests.TYPE_KEY, "COMPOSITE");

    private static List<UploadedPart> stored(String... values) {
        List<UploadedPart> parts = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            parts.add(new UploadedPart(i + 1, "e" + i, 5 << 20, Instant.EPOCH,
                    values[i] == null ? null : "SHA256:" + values[i]));
        }
        return parts;
    }

    private static CompleteMultipartUploadRequest listed(String... values) {
        List<CompleteMultipartUploadRequest.Part> parts = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            parts.add(new CompleteMultipartUploadRequest.Part(i + 1, "e" + i,
                    values[i] == null ? Map.of() : Map.of(ChecksumAlgorithm.SHA256, values[i])));
        }
        return new CompleteMultipartUploadRequest(parts);
    }

    @Test
    void aCompositeChecksumIsTheChecksumOfThePartChecksums() {
        UploadCompletion c = UploadChecksums.completion(Map.of("x-amz-checksum-sha256", COMPOSITE)::get,
                listed(P1, P2, P3));
        assertEquals(Map.of("x-amz-checksum-sha256", COMPOSITE, "x-amz-checksum-type", "COMPOSITE",
                UploadChecksums.PART_CHECKSUMS_KEY, P1 + "," + P2 + "," + P3),
                c.metadata(SHA256_UPLOAD, stored(P1, P2, P3)));
    }

    @Test
    void theClientsValueMustBeTheOneComputed() {
        UploadCompletion c = UploadChecksums.completion(Map.of("x-amz-checksum-sha256", "bad")::get,
                listed(P1, P2, P3));
        assertEquals(S3Error.BAD_DIGEST, assertThrows(S3Exception.class,
                () -> c.metadata(SHA256_UPLOAD, stored(P1, P2, P3))).error());
    }

    @Test
    void everyPartMustBeListedWithTheChecksumItWasUploadedWith() {
        assertEquals(S3Error.INVALID_REQUEST, assertThrows(S3Exception.class, () -> UploadChecksums.completion(
                Map.<String, String>of()::get, listed(P1, null, P3)).metadata(SHA256_UPLOAD, stored(P1, P2, P3)))
                .error());
        assertEquals(S3Error.INVALID_PART, assertThrows(S3Exception.class, () -> UploadChecksums.completion(
                Map.<String, String>of()::get, listed(P1, P3, P3)).metadata(SHA256_UPLOAD, stored(P1, P2, P3)))
                .error());
        assertEquals(S3Error.INVALID_PART, assertThrows(S3Exception.class, () -> UploadChecksums.completion(
                Map.<String, String>of()::get, listed(P1, P2, P3)).metadata(SHA256_UPLOAD, stored(P1, null, P3)))
                .error());
    }

    @Test
    void anUploadWithoutAChecksumAddsNothing() {
        assertEquals(Map.of(), UploadChecksums.completion(Map.of("x-amz-checksum-sha256", "anything")::get,
                listed(P1)).metadata(Map.of(), stored(P1)));
    }
}
