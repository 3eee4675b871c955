package dev.cairn.storage.api.http;

import dev.cairn.storage.object.RangeSpec;
import io.vertx.core.MultiMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestParsingTest {

    private static S3Request parse(String method, String path, String query, String host, String domain) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        if (host != null) {
            h.add("Host", host);
        }
        return S3Request.parse(method, path, query, h, domain);
    }

    @ParameterizedTest(name = "{0} host={1} -> bucket={2} key={3}")
    @CsvSource(nullValues = "NULL", value = {
            "/, localhost:9000, NULL, NULL",
            "/bucket, localhost:9000, bucket, NULL",
            "/bucket/, localhost:9000, bucket, NULL",
            "/bucket/a/b/c.txt, localhost:9000, bucket, a/b/c.txt",
            "/bucket/with%20space%2Band%2Fslash, localhost, bucket, with space+and/slash",
            "/bucket/dir/, localhost, bucket, dir/",
            "/bucket/%E2%82%AC+plus, localhost, bucket, €+plus",
            "/key/in/vhost, mybucket.s3.local:9000, mybucket, key/in/vhost",
            "/, mybucket.s3.local, mybucket, NULL",
            "/bucket/k, s3.local, bucket, k"})
    void pathAndVirtualHostStyle(String path, String host, String bucket, String key) {
        S3Request r = parse("GET", path, null, host, "s3.local");
        assertEquals(bucket, r.bucket());
        assertEquals(key, r.key());
    }

    @Test
    void queryParametersAreDecodedAndBareNamesKept() {
        S3Request r = parse("GET", "/b", "list-type=2&prefix=a%2Fb+c&versions&delimiter=%2F&x=1&x=2", "h", null);
        assertEquals("2", r.param("list-type"));
        assertEquals("a/b c", r.param("prefix"));
        assertEquals("", r.param("versions"));
        assertEquals(List.of("1", "2"), r.query().get("x"));
        assertNull(r.param("missing"));
    }

    @Test
    void badPercentEncodingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse("GET", "/b/%zz", null, "h", null));
        assertThrows(IllegalArgumentException.class, () -> parse("GET", "/b/k", "prefix=%4", "h", null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {
            "bytes=0-99, 0, 99", "bytes=100-, 100, NULL", "bytes=-500, NULL, 500", "bytes= 5 - 9 , 5, 9"})
    void rangesParse(String header, Long first, Long last) {
        assertEquals(new RangeSpec(first, last), RangeHeader.parse(header));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bytes=9-5", "'bytes=0-1,5-6'", "items=0-5", "bytes=abc", "bytes=-", "bytes=5"})
    void invalidRangesMeanTheWholeObject(String header) {
        assertNull(RangeHeader.parse(header));
    }

    static final Instant MODIFIED = Instant.parse("2026-01-10T10:00:00.500Z");

    @ParameterizedTest(name = "match={0} none={1} since={2} unmodified={3} -> {4}")
    @CsvSource(nullValues = "NULL", value = {
            "NULL, NULL, NULL, NULL, PROCEED",
            "\"abc\", NULL, NULL, NULL, PROCEED",
            "\"other\", NULL, NULL, NULL, PRECONDITION_FAILED",
            "*, NULL, NULL, NULL, PROCEED",
            "NULL, \"abc\", NULL, NULL, NOT_MODIFIED",
            "NULL, \"other\", NULL, NULL, PROCEED",
            "NULL, NULL, 'Sat, 10 Jan 2026 10:00:00 GMT', NULL, NOT_MODIFIED",
            "NULL, NULL, 'Sat, 10 Jan 2026 09:59:59 GMT', NULL, PROCEED",
            "NULL, NULL, NULL, 'Sat, 10 Jan 2026 09:59:59 GMT', PRECONDITION_FAILED",
            "NULL, NULL, NULL, 'Sat, 10 Jan 2026 10:00:00 GMT', PROCEED",
            "\"abc\", NULL, NULL, 'Sat, 10 Jan 2026 09:00:00 GMT', PROCEED",
            "NULL, \"other\", 'Sat, 10 Jan 2026 11:00:00 GMT', NULL, PROCEED",
            "NULL, NULL, 'not a date', NULL, PROCEED"})
    void conditionalHeadersFollowS3Precedence(String ifMatch, String ifNoneMatch, String since, String unmodified,
                                              Preconditions.Outcome expected) {
        assertEquals(expected, Preconditions.evaluate(ifMatch, ifNoneMatch, since, unmodified, "abc", MODIFIED));
    }
}
