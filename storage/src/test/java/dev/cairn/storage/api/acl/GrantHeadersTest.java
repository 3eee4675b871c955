package dev.cairn.storage.api.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.storage.api.S3Exception;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrantHeadersTest {

    @Test
    void everyHeaderGivesItsPermissionToEachListedGrantee() {
        Map<String, String> headers = Map.of(
                "x-amz-grant-read", "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\", id=bob",
                "x-amz-grant-full-control", "id=\"alice\"",
                "x-amz-grant-write-acp", "ID=bob");
        assertTrue(GrantHeaders.present(headers::get));
        assertEquals(List.of(new Grant(Grantee.Group.ALL_USERS, Permission.READ),
                new Grant(new Grantee.CanonicalUser("bob"), Permission.READ),
                new Grant(new Grantee.CanonicalUser("bob"), Permission.WRITE_ACP),
                new Grant(new Grantee.CanonicalUser("alice"), Permission.FULL_CONTROL)),
                GrantHeaders.parse(headers::get, AclDocumentTest.RESOLVER));
    }

    @Test
    void noHeadersNoGrants() {
        Map<String, String> headers = Map.of("x-amz-acl", "private");
        assertFalse(GrantHeaders.present(headers::get));
        assertEquals(List.of(), GrantHeaders.parse(headers::get, AclDocumentTest.RESOLVER));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no type | bob | InvalidArgument",
        "unknown type | name=bob | InvalidArgument",
        "unknown id | id=_foo | InvalidArgument",
        "unknown group | uri=http://acs.amazonaws.com/groups/global/Nobody | InvalidArgument",
        "e-mail | emailAddress=bob@example.com | UnresolvableGrantByEmailAddress",
    })
    void refusesWithS3Errors(String name, String value, String code) {
        Map<String, String> headers = Map.of("x-amz-grant-read", value);
        assertEquals(code, assertThrows(S3Exception.class,
                () -> GrantHeaders.parse(headers::get, AclDocumentTest.RESOLVER)).code());
    }
}
