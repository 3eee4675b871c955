package dev.cairn.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.MultiMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** aws-chunked describes how a body was sent, not the object: it never reaches the stored Content-Encoding. */
class ObjectHeadersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip|gzip",
        "deflate, gzip|deflate, gzip",
        "gzip, aws-chunked|gzip",
        "aws-chunked, gzip|gzip",
        "AWS-CHUNKED,gzip ,br|gzip, br",
    })
    void awsChunkedIsDropped(String sent, String stored) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Encoding", sent);
        assertEquals(stored, ObjectHeaders.fromRequest(headers).get("content-encoding"));
    }

    @ParameterizedTest
    @CsvSource({"aws-chunked", "'aws-chunked, aws-chunked'"})
    void onlyAwsChunkedStoresNoContentEncoding(String sent) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Encoding", sent);
        assertFalse(ObjectHeaders.fromRequest(headers).containsKey("content-encoding"));
    }

    @org.junit.jupiter.api.Test
    void nonAsciiUserMetadataIsStoredAsTextAndReturnedMailSafe() {
        String wire = new String("Hello World\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("x-amz-meta-greeting", wire)
                .add("x-amz-meta-plain", "ascii");
        java.util.Map<String, String> stored = ObjectHeaders.fromRequest(headers);
        assertEquals("Hello World\u00e9", stored.get("x-amz-meta-greeting"));
        java.util.Map<String, String> out = new java.util.HashMap<>();
        ObjectHeaders.toResponse(stored, out::put);
        assertEquals("=?UTF-8?B?SGVsbG8gV29ybGTDqQ==?=", out.get("x-amz-meta-greeting"));
        assertEquals("ascii", out.get("x-amz-meta-plain"));
    }
}
