package dev.cairn.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorMapperTest {

    @ParameterizedTest
    @EnumSource(ObjectError.class)
    void everyObjectErrorMaps(ObjectError error) {
        ObjectException cause = new ObjectException(error, "internal detail");
        S3Exception e = ErrorMapper.from(cause);
        assertNotNull(e.error());
        assertSame(cause, e.getCause());
        // The client sees the table's message, never the ObjectLayer's internal one.
        assertEquals(e.error().defaultMessage(), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "BUCKET_NOT_FOUND, NoSuchBucket",
            "BUCKET_EXISTS, BucketAlreadyOwnedByYou",
            "BUCKET_NOT_EMPTY, BucketNotEmpty",
            "INVALID_BUCKET_NAME, InvalidBucketName",
            "OBJECT_NOT_FOUND, NoSuchKey",
            "VERSION_NOT_FOUND, NoSuchVersion",
            "METHOD_NOT_ALLOWED, MethodNotAllowed",
            "INVALID_OBJECT_NAME, XCairnInvalidObjectName",
            "INVALID_RANGE, InvalidRange",
            "BAD_DIGEST, BadDigest",
            "INCOMPLETE_BODY, IncompleteBody",
            "INSUFFICIENT_READ_QUORUM, SlowDownRead",
            "INSUFFICIENT_WRITE_QUORUM, SlowDownWrite",
            "STORAGE_FULL, XCairnStorageFull",
            "NO_SUCH_UPLOAD, NoSuchUpload",
            "INVALID_PART, InvalidPart",
            "INVALID_PART_ORDER, InvalidPartOrder",
            "ENTITY_TOO_SMALL, EntityTooSmall",
            "SLOW_DOWN, SlowDown",
            "INTERNAL, InternalError",
    })
    void mapsAsS3AndMinioAnswer(ObjectError error, String code) {
        assertEquals(code, ErrorMapper.errorOf(error).code());
    }

    @Test
    void deletedKeySaysSoInHeaders() {
        S3Exception e = ErrorMapper.from(new ObjectException(ObjectError.OBJECT_NOT_FOUND, "deleted", true,
                "0b7a8c6e-1111-2222-3333-444455556666", null));
        assertEquals(S3Error.NO_SUCH_KEY, e.error());
        assertEquals(Map.of("x-amz-delete-marker", "true", "x-amz-version-id", "0b7a8c6e-1111-2222-3333-444455556666"),
                e.headers());
        assertEquals(Map.of(), e.fields());
    }

    @Test
    void deleteMarkerVersionIsMethodNotAllowedWithItsResourceType() {
        S3Exception e = ErrorMapper.from(new ObjectException(ObjectError.METHOD_NOT_ALLOWED, "marker", true, "null",
                null));
        assertEquals(405, e.httpStatus());
        assertEquals("true", e.headers().get("x-amz-delete-marker"));
        assertEquals("null", e.headers().get("x-amz-version-id"));
        assertEquals(Map.of("ResourceType", "DeleteMarker"), e.fields());
    }

    @Test
    void plainMissingKeyHasNoHeaders() {
        S3Exception e = ErrorMapper.from(new ObjectException(ObjectError.OBJECT_NOT_FOUND, "b/k"));
        assertEquals(Map.of(), e.headers());
    }
}
