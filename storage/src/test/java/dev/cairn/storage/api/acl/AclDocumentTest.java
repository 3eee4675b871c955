package dev.cairn.storage.api.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The AccessControlPolicy document: what GetBucketAcl/GetObjectAcl write and PutBucketAcl/PutObjectAcl read. */
class AclDocumentTest {

    static final GranteeResolver RESOLVER = new GranteeResolver(Set.of("alice", "bob")::contains);
    private static final String XSI = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    @Test
    void writesOwnerThenGrantsWithTheirTypes() {
        Acl acl = CannedAcl.PUBLIC_READ.forBucket("alice");
        String expected = """
                <?xml version="1.0" encoding="UTF-8"?>
                <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
                <Owner><ID>alice</ID><DisplayName>alice</DisplayName></Owner>\
                <AccessControlList>\
                <Grant><Grantee $XSI xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI>\
                </Grantee><Permission>READ</Permission></Grant>\
                <Grant><Grantee $XSI xsi:type="CanonicalUser"><ID>alice</ID><DisplayName>alice</DisplayName>\
                </Grantee><Permission>FULL_CONTROL</Permission></Grant>\
                </AccessControlList></AccessControlPolicy>""".replace("$XSI", XSI);
        assertEquals(expected, new String(AclDocument.write(acl), StandardCharsets.UTF_8));
    }

    @Test
    void writesAnEmptyListWhenEveryGrantIsRevoked() {
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
                <Owner><ID>bob</ID><DisplayName>bob</DisplayName></Owner>\
                <AccessControlList></AccessControlList></AccessControlPolicy>""",
                new String(AclDocument.write(new Acl("bob", List.of())), StandardCharsets.UTF_8));
    }

    /** What boto3 sends for put_bucket_acl(AccessControlPolicy=...): namespaced, grants first, then the owner. */
    @Test
    void readsWhatBoto3Sends() {
        AclDocument.Parsed p = parse("""
                <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><AccessControlList>
                <Grant><Grantee %1$s xsi:type="CanonicalUser"><DisplayName>alice</DisplayName><ID>alice</ID>
                </Grantee><Permission>FULL_CONTROL</Permission></Grant>
                <Grant><Grantee %1$s xsi:type="Group">
                <URI>http://acs.amazonaws.com/groups/global/AuthenticatedUsers</URI>
                </Grantee><Permission>READ</Permission></Grant>
                <Grant><Grantee %1$s xsi:type="CanonicalUser"><ID> bob </ID></Grantee><Permission>WRITE_ACP</Permission>
                </Grant></AccessControlList>
                <Owner><DisplayName>alice</DisplayName><ID>alice</ID></Owner></AccessControlPolicy>""".formatted(XSI));
        assertEquals("alice", p.ownerId());
        assertEquals(List.of(new Grant(new Grantee.CanonicalUser("alice"), Permission.FULL_CONTROL),
                new Grant(Grantee.Group.AUTHENTICATED_USERS, Permission.READ),
                new Grant(new Grantee.CanonicalUser("bob"), Permission.WRITE_ACP)), p.grants());
    }

    @Test
    void ownerAndGrantsAreOptional() {
        AclDocument.Parsed p = parse("<AccessControlPolicy><AccessControlList/></AccessControlPolicy>");
        assertNull(p.ownerId());
        assertEquals(List.of(), p.grants());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not XML | <AccessControlPolicy><Owner> | MalformedACLError",
        "another root | <AccessControlList/> | MalformedACLError",
        "grantee without a type | <AccessControlPolicy><AccessControlList><Grant><Grantee><ID>alice</ID></Grantee>"
                + "<Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy> | MalformedACLError",
        "unknown grantee type | <AccessControlPolicy><AccessControlList><Grant><Grantee $XSI xsi:type=\"Robot\">"
                + "<ID>alice</ID></Grantee><Permission>READ</Permission></Grant></AccessControlList>"
                + "</AccessControlPolicy> | MalformedACLError",
        "unknown permission | <AccessControlPolicy><AccessControlList><Grant><Grantee $XSI xsi:type=\"CanonicalUser\">"
                + "<ID>alice</ID></Grantee><Permission>EVERYTHING</Permission></Grant></AccessControlList>"
                + "</AccessControlPolicy> | MalformedACLError",
        "grant without permission | <AccessControlPolicy><AccessControlList><Grant><Grantee $XSI "
                + "xsi:type=\"CanonicalUser\"><ID>alice</ID></Grantee></Grant></AccessControlList>"
                + "</AccessControlPolicy> | MalformedACLError",
        "canonical user without ID | <AccessControlPolicy><AccessControlList><Grant><Grantee $XSI "
                + "xsi:type=\"CanonicalUser\"></Grantee><Permission>READ</Permission></Grant></AccessControlList>"
                + "</AccessControlPolicy> | MalformedACLError",
        "unknown canonical id | <AccessControlPolicy><AccessControlList><Grant><Grantee $XSI "
                + "xsi:type=\"CanonicalUser\"><ID>_foo</ID></Grantee><Permission>READ</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy> | InvalidArgument",
        "unknown group | <AccessControlPolicy><AccessControlList><Grant><Grantee $XSI xsi:type=\"Group\">"
                + "<URI>http://acs.amazonaws.com/groups/global/Martians</URI></Grantee><Permission>READ</Permission>"
                + "</Grant></AccessControlList></AccessControlPolicy> | InvalidArgument",
        "e-mail grantee | <AccessControlPolicy><AccessControlList><Grant><Grantee $XSI "
                + "xsi:type=\"AmazonCustomerByEmail\"><EmailAddress>alice@example.com</EmailAddress></Grantee>"
                + "<Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>"
                + " | UnresolvableGrantByEmailAddress",
        "empty body | '' | MissingRequestBodyError",
    })
    void refusesWithS3Errors(String name, String body, String code) {
        S3Exception e = assertThrows(S3Exception.class, () -> parse(body.replace("$XSI", XSI)));
        assertEquals(code, e.code());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void theRefusalOfAMalformedDocumentIsTheTablesEntry() {
        S3Exception e = assertThrows(S3Exception.class, () -> parse("<nope"));
        assertEquals(S3Error.MALFORMED_ACL_ERROR, e.error());
    }

    private static AclDocument.Parsed parse(String xml) {
        return AclDocument.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), RESOLVER);
    }
}
