package dev.cairn.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class S3ErrorTest {

    /** A table with a slip in it: the check S3Error runs at class load must refuse it. */
    private enum Duplicated {
        A, B;

        String code() {
            return "Same";
        }
    }

    @Test
    void noTwoEntriesShareAWireCode() {
        Set<String> codes = new HashSet<>();
        for (S3Error e : S3Error.values()) {
            assertTrue(codes.add(e.code()), "duplicate code " + e.code());
        }
    }

    @Test
    void theLoadTimeCheckRefusesADuplicate() {
        ExceptionInInitializerError e = assertThrows(ExceptionInInitializerError.class,
                () -> S3Error.indexByCode(Duplicated.values(), Duplicated::code));
        assertTrue(e.getMessage().contains("Duplicated.B repeats the wire code Same of A"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(S3Error.class)
    void everyEntryIsComplete(S3Error e) {
        assertTrue(e.code().matches("[A-Z][A-Za-z0-9]+"), e.code());
        assertTrue(e.httpStatus() >= 300 && e.httpStatus() < 600, e + " " + e.httpStatus());
        assertFalse(e.defaultMessage().isBlank());
        assertSame(e, S3Error.byCode(e.code()));
    }

    /** Spot checks of codes and statuses against S3's published table and MinIO's answers. */
    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource({
            "NO_SUCH_BUCKET, NoSuchBucket, 404",
            "NO_SUCH_KEY, NoSuchKey, 404",
            "ACCESS_DENIED, AccessDenied, 403",
            "BUCKET_NOT_EMPTY, BucketNotEmpty, 409",
            "INVALID_RANGE, InvalidRange, 416",
            "METHOD_NOT_ALLOWED, MethodNotAllowed, 405",
            "MISSING_CONTENT_LENGTH, MissingContentLength, 411",
            "PRECONDITION_FAILED, PreconditionFailed, 412",
            "NOT_MODIFIED, NotModified, 304",
            "NOT_IMPLEMENTED, NotImplemented, 501",
            "SLOW_DOWN, SlowDown, 503",
            "INTERNAL_ERROR, InternalError, 500",
            "INVALID_OBJECT_STATE, InvalidObjectState, 403",
            "INVALID_BUCKET_STATE, InvalidBucketState, 409",
            "KEY_TOO_LONG, KeyTooLongError, 400",
            "MISSING_REQUEST_BODY, MissingRequestBodyError, 400",
            "SERVER_SIDE_ENCRYPTION_CONFIGURATION_NOT_FOUND, ServerSideEncryptionConfigurationNotFoundError, 404",
            "ILLEGAL_VERSIONING_CONFIGURATION, IllegalVersioningConfigurationException, 400",
            "INSUFFICIENT_READ_QUORUM, SlowDownRead, 503",
            "INSUFFICIENT_WRITE_QUORUM, SlowDownWrite, 503",
            "STORAGE_FULL, XCairnStorageFull, 507",
    })
    void matchesS3(S3Error e, String code, int status) {
        assertEquals(code, e.code());
        assertEquals(status, e.httpStatus());
    }

    @Test
    void onlyNotModifiedHasNoBody() {
        for (S3Error e : S3Error.values()) {
            assertEquals(e != S3Error.NOT_MODIFIED, e.hasBody(), e.name());
        }
    }

    @Test
    void unknownCodeIsNull() {
        assertNull(S3Error.byCode("NoSuchThing"));
    }
}
