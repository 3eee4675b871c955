package dev.cairn.storage.api.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.storage.api.S3Exception;
import dev.cairn.storage.api.xml.MalformedXmlException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OwnershipControls and PublicAccessBlockConfiguration, read and written. */
class BucketAccessDocumentsTest {

    private static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    @Test
    void ownershipControlsRoundTrip() {
        for (ObjectOwnership o : ObjectOwnership.values()) {
            assertEquals(o, ObjectOwnership.parse(new ByteArrayInputStream(o.toXml())));
        }
        assertEquals(DECL + "<OwnershipControls" + NS + "><Rule><ObjectOwnership>BucketOwnerPreferred"
                + "</ObjectOwnership></Rule></OwnershipControls>",
                new String(ObjectOwnership.BUCKET_OWNER_PREFERRED.toXml(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<OwnershipControls><Rule><ObjectOwnership>Nobody</ObjectOwnership></Rule></OwnershipControls>",
        "<OwnershipControls></OwnershipControls>",
        "<OwnershipControls><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule>"
                + "<Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule></OwnershipControls>",
        "<Ownership><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule></Ownership>",
    })
    void ownershipControlsThatAreNotOneRuleAreMalformed(String xml) {
        assertThrows(MalformedXmlException.class, () -> ObjectOwnership.parse(body(xml)));
    }

    @Test
    void theOwnershipHeaderTakesTheWireNames() {
        assertEquals(ObjectOwnership.OBJECT_WRITER, ObjectOwnership.parseHeader("ObjectWriter"));
        assertEquals("InvalidArgument",
                assertThrows(S3Exception.class, () -> ObjectOwnership.parseHeader("OBJECT_WRITER")).code());
    }

    @Test
    void publicAccessBlockReadsAbsentAsFalse() {
        assertEquals(new PublicAccessBlock(true, false, false, true), PublicAccessBlock.parse(body(
                "<PublicAccessBlockConfiguration" + NS + "><BlockPublicAcls>true</BlockPublicAcls>"
                        + "<RestrictPublicBuckets>TRUE</RestrictPublicBuckets></PublicAccessBlockConfiguration>")));
        PublicAccessBlock all = new PublicAccessBlock(true, true, true, false);
        assertEquals(DECL + "<PublicAccessBlockConfiguration" + NS + "><BlockPublicAcls>true</BlockPublicAcls>"
                + "<IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>"
                + "<RestrictPublicBuckets>false</RestrictPublicBuckets></PublicAccessBlockConfiguration>",
                new String(all.toXml(), StandardCharsets.UTF_8));
        assertEquals(all, PublicAccessBlock.parse(new ByteArrayInputStream(all.toXml())));
    }

    @Test
    void publicAccessBlockWithANonBooleanIsMalformed() {
        assertThrows(MalformedXmlException.class, () -> PublicAccessBlock.parse(body(
                "<PublicAccessBlockConfiguration><BlockPublicAcls>yes</BlockPublicAcls>"
                        + "</PublicAccessBlockConfiguration>")));
    }

    private static InputStream body(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
