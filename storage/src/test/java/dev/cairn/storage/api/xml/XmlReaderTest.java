package dev.cairn.storage.api.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlReaderTest {

    @Test
    void readsATreeIgnoringNamespacesAndComments() {
        XmlElement root = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- a comment -->
                <Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Object><Key> spaced &amp; kept </Key></Object>
                  <Object><Key><![CDATA[<cdata>]]></Key><VersionId>v1</VersionId></Object>
                </Delete>""");
        assertEquals("Delete", root.name());
        assertEquals(2, root.children("Object").size());
        assertEquals(" spaced & kept ", root.children("Object").get(0).childText("Key"));
        assertEquals("<cdata>", root.children("Object").get(1).childText("Key"));
        assertEquals("v1", root.children("Object").get(1).childText("VersionId"));
    }

    @Test
    void emptyOrBlankBodyIsNoDocument() {
        assertNull(parse(""));
        assertNull(parse(" \r\n\t"));
        S3Exception e = assertThrows(S3Exception.class,
                () -> XmlReader.parseRequired(InputStream.nullInputStream(), 100, "Delete"));
        assertEquals(S3Error.MISSING_REQUEST_BODY, e.error());
    }

    /** The classic XXE: an external entity naming a local file. Its content must never appear. */
    @Test
    void externalEntityIsRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE Delete [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Delete><Object><Key>&xxe;</Key></Object></Delete>";
        MalformedXmlException e = assertThrows(MalformedXmlException.class, () -> parse(body));
        assertEquals(S3Error.MALFORMED_XML, e.error());
        assertFalse(String.valueOf(e.detail()).contains("TOP-SECRET"));
    }

    @Test
    void externalDtdIsRefused(@TempDir Path dir) throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY x \"expanded\">");
        assertThrows(MalformedXmlException.class, () -> parse(
                "<!DOCTYPE Tagging SYSTEM \"" + dtd.toUri() + "\"><Tagging><TagSet/></Tagging>"));
    }

    /** Billion laughs: internal entities expanding exponentially. */
    @Test
    void internalEntitiesAreRefused() {
        String body = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <Delete><Object><Key>&lol3;</Key></Object></Delete>""";
        assertThrows(MalformedXmlException.class, () -> parse(body));
    }

    @Test
    void anyDoctypeIsRefused() {
        assertThrows(MalformedXmlException.class, () -> parse("<!DOCTYPE Delete><Delete/>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Delete>",
            "<Delete></Remove>",
            "not xml at all",
            "<Delete><Object></Delete>",
            "<Delete/><Delete/>",
            "<Delete>&undefined;</Delete>",
            "<Delete>\u0001</Delete>",
            "<a:Delete xmlns:b=\"x\"/>",
    })
    void malformedDocumentsAreMalformedXml(String body) {
        MalformedXmlException e = assertThrows(MalformedXmlException.class, () -> parse(body));
        assertEquals("MalformedXML", e.code());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void overLongBodyIsRefusedUnparsed() {
        String body = "<Delete>" + "x".repeat(200) + "</Delete>";
        S3Exception e = assertThrows(S3Exception.class,
                () -> XmlReader.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 100));
        assertEquals(S3Error.MAX_MESSAGE_LENGTH_EXCEEDED, e.error());
        assertEquals("x".repeat(200), XmlReader.parse(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), body.length()).text());
    }

    @Test
    void deepNestingIsRefused() {
        int depth = XmlReader.MAX_DEPTH + 1;
        String body = "<A>".repeat(depth) + "</A>".repeat(depth);
        assertThrows(MalformedXmlException.class, () -> parse(body));
        String ok = "<A>".repeat(depth - 1) + "</A>".repeat(depth - 1);
        assertEquals("A", parse(ok).name());
    }

    @Test
    void repeatedSingleElementIsMalformed() {
        XmlElement root = parse("<Part><PartNumber>1</PartNumber><PartNumber>2</PartNumber></Part>");
        assertThrows(MalformedXmlException.class, () -> root.childText("PartNumber"));
        assertThrows(MalformedXmlException.class, () -> root.requiredText("ETag"));
    }

    @Test
    void wrongRootIsMalformed() {
        assertThrows(MalformedXmlException.class, () -> XmlReader.parseRequired(
                new ByteArrayInputStream("<Tagging/>".getBytes(StandardCharsets.UTF_8)), 100, "Delete"));
    }

    static XmlElement parse(String body) {
        return XmlReader.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }
}
