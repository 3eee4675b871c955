package dev.cairn.storage.api.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.storage.api.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each canned ACL's grants, after S3's "Canned ACL" table; compact form: {@code PERMISSION grantee}. */
class CannedAclTest {

    static Stream<Arguments> buckets() {
        return Stream.of(
                Arguments.of(CannedAcl.PRIVATE, List.of("FULL_CONTROL owner")),
                Arguments.of(CannedAcl.PUBLIC_READ, List.of("READ AllUsers", "FULL_CONTROL owner")),
                Arguments.of(CannedAcl.PUBLIC_READ_WRITE, List.of("READ AllUsers", "WRITE AllUsers",
                        "FULL_CONTROL owner")),
                Arguments.of(CannedAcl.AUTHENTICATED_READ, List.of("READ AuthenticatedUsers", "FULL_CONTROL owner")),
                Arguments.of(CannedAcl.AWS_EXEC_READ, List.of("FULL_CONTROL owner")),
                Arguments.of(CannedAcl.BUCKET_OWNER_READ, List.of("FULL_CONTROL owner")),
                Arguments.of(CannedAcl.BUCKET_OWNER_FULL_CONTROL, List.of("FULL_CONTROL owner")),
                Arguments.of(CannedAcl.LOG_DELIVERY_WRITE, List.of("WRITE LogDelivery", "READ_ACP LogDelivery",
                        "FULL_CONTROL owner")));
    }

    @ParameterizedTest(name = "{0} on a bucket")
    @MethodSource("buckets")
    void onABucket(CannedAcl canned, List<String> grants) {
        Acl acl = canned.forBucket("owner");
        assertEquals("owner", acl.owner());
        assertEquals(grants, compact(acl));
    }

    static Stream<Arguments> objects() {
        return Stream.of(
                Arguments.of(CannedAcl.PRIVATE, "writer", List.of("FULL_CONTROL writer")),
                Arguments.of(CannedAcl.PUBLIC_READ, "writer", List.of("READ AllUsers", "FULL_CONTROL writer")),
                Arguments.of(CannedAcl.BUCKET_OWNER_READ, "writer", List.of("FULL_CONTROL writer", "READ owner")),
                Arguments.of(CannedAcl.BUCKET_OWNER_READ, "owner", List.of("FULL_CONTROL owner")),
                Arguments.of(CannedAcl.BUCKET_OWNER_FULL_CONTROL, "writer", List.of("FULL_CONTROL writer",
                        "FULL_CONTROL owner")),
                Arguments.of(CannedAcl.BUCKET_OWNER_FULL_CONTROL, "owner", List.of("FULL_CONTROL owner")));
    }

    @ParameterizedTest(name = "{0} on an object written by {1}")
    @MethodSource("objects")
    void onAnObjectInABucketOfOwner(CannedAcl canned, String writer, List<String> grants) {
        Acl acl = canned.forObject(writer, "owner");
        assertEquals(writer, acl.owner());
        assertEquals(grants, compact(acl));
    }

    @Test
    void headerNamesParseAndOthersAreInvalidArgument() {
        for (CannedAcl c : CannedAcl.values()) {
            assertEquals(c, CannedAcl.parse(c.header()));
        }
        assertEquals("InvalidArgument", assertThrows(S3Exception.class, () -> CannedAcl.parse("public-ready")).code());
        assertEquals("InvalidArgument", assertThrows(S3Exception.class, () -> CannedAcl.parse("PRIVATE")).code());
    }

    static List<String> compact(Acl acl) {
        List<String> out = new ArrayList<>();
        for (Grant g : acl.grants()) {
            String who = switch (g.grantee()) {
                case Grantee.CanonicalUser u -> u.id();
                case Grantee.Group group -> group.uri().substring(group.uri().lastIndexOf('/') + 1);
            };
            out.add(g.permission() + " " + who);
        }
        return out;
    }
}
