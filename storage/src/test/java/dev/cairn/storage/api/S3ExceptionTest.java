package dev.cairn.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3ExceptionTest {

    @Test
    void messageDefaultsToTheTables() {
        S3Exception e = new S3Exception(S3Error.NO_SUCH_BUCKET);
        assertEquals("The specified bucket does not exist.", e.getMessage());
        assertEquals("NoSuchBucket", e.code());
        assertEquals(404, e.httpStatus());
        assertNull(e.resource());
        assertEquals(Map.of(), e.fields());
    }

    @Test
    void givenMessageAndCauseAreKept() {
        RuntimeException cause = new RuntimeException("drive 3 offline");
        S3Exception e = new S3Exception(S3Error.INTERNAL_ERROR, "custom", cause).withResource("/b/k");
        assertEquals("custom", e.getMessage());
        assertSame(cause, e.getCause());
        assertEquals("/b/k", e.resource());
    }

    @Test
    void invalidRangeCarriesSizeAndRange() {
        S3Exception e = S3Exception.invalidRange(100, "bytes=200-300");
        assertEquals(S3Error.INVALID_RANGE, e.error());
        assertEquals(List.of("RangeRequested", "ActualObjectSize"), List.copyOf(e.fields().keySet()));
        assertEquals("100", e.fields().get("ActualObjectSize"));
        assertEquals("bytes */100", e.headers().get("Content-Range"));
    }

    @Test
    void fieldsMayNotShadowTheDocumentsOwnElements() {
        S3Exception e = new S3Exception(S3Error.ACCESS_DENIED);
        assertThrows(IllegalArgumentException.class, () -> e.withField("Code", "x"));
        assertThrows(IllegalArgumentException.class, () -> e.withField("RequestId", "x"));
        assertThrows(IllegalArgumentException.class, () -> e.withField("not a name", "x"));
        assertThrows(UnsupportedOperationException.class, () -> e.fields().put("A", "b"));
    }
}
