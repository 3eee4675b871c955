package dev.cairn.storage.api.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.object.CompletePart;
import dev.cairn.storage.object.ObjectToDelete;
import dev.cairn.storage.object.Versioning;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestDocumentsTest {

    private static final String NS = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    // ---- CreateBucketConfiguration

    @Test
    void createBucketConfiguration() {
        assertEquals("eu-west-1", CreateBucketConfiguration.parse(body("""
                <CreateBucketConfiguration %s>
                  <LocationConstraint>eu-west-1</LocationConstraint>
                </CreateBucketConfiguration>""".formatted(NS))).locationConstraint());
        assertNull(CreateBucketConfiguration.parse(body("")).locationConstraint());
        assertNull(CreateBucketConfiguration.parse(body("<CreateBucketConfiguration/>")).locationConstraint());
        assertThrows(MalformedXmlException.class, () -> CreateBucketConfiguration.parse(body("<Bucket/>")));
    }

    // ---- VersioningConfiguration

    @Test
    void versioningConfiguration() {
        var v = VersioningConfiguration.parse(body(
                "<VersioningConfiguration><Status>Enabled</Status><MfaDelete>Disabled</MfaDelete></VersioningConfiguration>"));
        assertEquals(Versioning.ENABLED, v.status());
        assertEquals(VersioningConfiguration.MfaDelete.DISABLED, v.mfaDelete());
        v = VersioningConfiguration.parse(body(
                "<VersioningConfiguration " + NS + "><Status>Suspended</Status></VersioningConfiguration>"));
        assertEquals(Versioning.SUSPENDED, v.status());
        assertNull(v.mfaDelete());
        assertNull(VersioningConfiguration.parse(body("<VersioningConfiguration/>")).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<VersioningConfiguration><Status>enabled</Status></VersioningConfiguration>",
            "<VersioningConfiguration><Status>On</Status></VersioningConfiguration>",
            "<VersioningConfiguration><MfaDelete>Maybe</MfaDelete></VersioningConfiguration>",
            "<Versioning><Status>Enabled</Status></Versioning>",
    })
    void badVersioningIsMalformed(String xml) {
        assertThrows(MalformedXmlException.class, () -> VersioningConfiguration.parse(body(xml)));
    }

    // ---- Delete

    @Test
    void deleteObjects() {
        var d = DeleteObjectsRequest.parse(body("""
                <Delete %s>
                  <Quiet>true</Quiet>
                  <Object><Key>a&amp;b</Key></Object>
                  <Object><Key>c d </Key><VersionId>3/L4kqtJl40Nr8X8gdRQBpUMLUo</VersionId></Object>
                  <Object><Key>e</Key><VersionId></VersionId></Object>
                </Delete>""".formatted(NS)));
        assertTrue(d.quiet());
        assertEquals(List.of(new ObjectToDelete("a&b", null), new ObjectToDelete("c d ", "3/L4kqtJl40Nr8X8gdRQBpUMLUo"),
                new ObjectToDelete("e", null)), d.objects());
        assertFalse(DeleteObjectsRequest.parse(body("<Delete><Object><Key>k</Key></Object></Delete>")).quiet());
    }

    @Test
    void deleteObjectsLimits() {
        String thousand = "<Object><Key>k</Key></Object>".repeat(1000);
        assertEquals(1000, DeleteObjectsRequest.parse(body("<Delete>" + thousand + "</Delete>")).objects().size());
        assertThrows(MalformedXmlException.class, () -> DeleteObjectsRequest.parse(
                body("<Delete>" + thousand + "<Object><Key>one-more</Key></Object></Delete>")));
        assertThrows(MalformedXmlException.class, () -> DeleteObjectsRequest.parse(body("<Delete></Delete>")));
        S3Exception tooBig = assertThrows(S3Exception.class, () -> DeleteObjectsRequest.parse(
                body("<Delete><Object><Key>" + "k".repeat(3 << 20) + "</Key></Object></Delete>")));
        assertEquals(S3Error.MAX_MESSAGE_LENGTH_EXCEEDED, tooBig.error());
        S3Exception empty = assertThrows(S3Exception.class, () -> DeleteObjectsRequest.parse(body("")));
        assertEquals(S3Error.MISSING_REQUEST_BODY, empty.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Delete><Object><VersionId>v</VersionId></Object></Delete>",
            "<Delete><Object><Key></Key></Object></Delete>",
            "<Delete><Quiet>yes</Quiet><Object><Key>k</Key></Object></Delete>",
            "<Delete><Object><Key>k</Key><Key>l</Key></Object></Delete>",
            "<DeleteObjects><Object><Key>k</Key></Object></DeleteObjects>",
    })
    void badDeleteIsMalformed(String xml) {
        assertThrows(MalformedXmlException.class, () -> DeleteObjectsRequest.parse(body(xml)));
    }

    // ---- CompleteMultipartUpload

    @Test
    void completeMultipartUpload() {
        var c = CompleteMultipartUploadRequest.parse(body("""
                <CompleteMultipartUpload %s>
                  <Part><PartNumber>1</PartNumber><ETag>"a54357aff0632cce46d942af68356b38"</ETag>
                    <ChecksumCRC32>i9aeUg==</ChecksumCRC32></Part>
                  <Part><ETag>&quot;0c78aef83f66abc1fa1e8477f296d394&quot;</ETag><PartNumber> 2 </PartNumber></Part>
                  <Part><PartNumber>3</PartNumber><ETag>acbd18db4cc2f85cedef654fccc4a4d8</ETag></Part>
                </CompleteMultipartUpload>""".formatted(NS)));
        assertEquals(List.of(new CompletePart(1, "a54357aff0632cce46d942af68356b38"),
                new CompletePart(2, "0c78aef83f66abc1fa1e8477f296d394"),
                new CompletePart(3, "acbd18db4cc2f85cedef654fccc4a4d8")), c.toCompleteParts());
        assertEquals(Map.of(ChecksumAlgorithm.CRC32, "i9aeUg=="), c.parts().get(0).checksums());
        assertEquals(Map.of(), c.parts().get(1).checksums());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "<CompleteMultipartUpload></CompleteMultipartUpload>",
            "<CompleteMultipartUpload><Part><ETag>x</ETag></Part></CompleteMultipartUpload>",
            "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>",
            "<CompleteMultipartUpload><Part><PartNumber>one</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>",
            "<CompleteMultipartUpload><Part><PartNumber>99999999999</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>",
            "<Complete><Part><PartNumber>1</PartNumber><ETag>x</ETag></Part></Complete>",
    })
    void badCompleteIsMalformed(String xml) {
        assertThrows(MalformedXmlException.class, () -> CompleteMultipartUploadRequest.parse(body(xml)));
    }

    @Test
    void completeAllowsTenThousandPartsAndNoMore() {
        StringBuilder sb = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 1; i <= 10_000; i++) {
            sb.append("<Part><PartNumber>").append(i).append("</PartNumber><ETag>\"")
                    .append("0123456789abcdef0123456789abcdef").append("\"</ETag></Part>");
        }
        assertEquals(10_000, CompleteMultipartUploadRequest.parse(body(sb + "</CompleteMultipartUpload>"))
                .parts().size());
        String more = sb + "<Part><PartNumber>1</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>";
        assertThrows(MalformedXmlException.class, () -> CompleteMultipartUploadRequest.parse(body(more)));
    }

    // ---- Tagging

    @Test
    void tagging() {
        Tagging t = Tagging.parse(body("""
                <Tagging %s><TagSet>
                  <Tag><Key>project</Key><Value>cairn</Value></Tag>
                  <Tag><Key>empty</Key><Value></Value></Tag>
                  <Tag><Key>no-value</Key></Tag>
                </TagSet></Tagging>""".formatted(NS)), Tagging.Scope.OBJECT);
        assertEquals(Map.of("project", "cairn", "empty", "", "no-value", ""), t.asMap());
        assertEquals(List.of(), Tagging.parse(body("<Tagging><TagSet/></Tagging>"), Tagging.Scope.BUCKET).tags());
    }

    @Test
    void taggingLimitsAreInvalidTag() {
        String ten = tags(10, 128, 256);
        assertEquals(10, Tagging.parse(body(ten), Tagging.Scope.OBJECT).tags().size());
        assertInvalidTag(tags(11, 1, 1), Tagging.Scope.OBJECT);
        assertEquals(50, Tagging.parse(body(tags(50, 5, 5)), Tagging.Scope.BUCKET).tags().size());
        assertInvalidTag(tags(51, 5, 5), Tagging.Scope.BUCKET);
        assertInvalidTag(tags(1, 129, 1), Tagging.Scope.OBJECT);
        assertInvalidTag(tags(1, 1, 257), Tagging.Scope.OBJECT);
        assertInvalidTag("<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag>"
                + "<Tag><Key>a</Key><Value>2</Value></Tag></TagSet></Tagging>", Tagging.Scope.OBJECT);
        assertInvalidTag("<Tagging><TagSet><Tag><Key></Key><Value>1</Value></Tag></TagSet></Tagging>",
                Tagging.Scope.OBJECT);
        // lengths are characters, not UTF-8 bytes or UTF-16 units
        assertEquals(1, Tagging.parse(body(
                "<Tagging><TagSet><Tag><Key>" + "😀".repeat(128) + "</Key><Value>" + "é".repeat(256)
                        + "</Value></Tag></TagSet></Tagging>"), Tagging.Scope.OBJECT).tags().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Tagging></Tagging>",
            "<Tagging><TagSet><Tag><Value>v</Value></Tag></TagSet></Tagging>",
            "<TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet>",
    })
    void badTaggingIsMalformed(String xml) {
        assertThrows(MalformedXmlException.class, () -> Tagging.parse(body(xml), Tagging.Scope.OBJECT));
    }

    @Test
    void taggingHeader() {
        assertEquals(Map.of("a b", "c&d", "e", ""),
                Tagging.fromHeader("a+b=c%26d&e=", Tagging.Scope.OBJECT).asMap());
        assertEquals(List.of(), Tagging.fromHeader("", Tagging.Scope.OBJECT).tags());
        assertEquals(S3Error.INVALID_TAG,
                assertThrows(S3Exception.class, () -> Tagging.fromHeader("a=1&a=2", Tagging.Scope.OBJECT)).error());
        assertEquals(S3Error.INVALID_ARGUMENT,
                assertThrows(S3Exception.class, () -> Tagging.fromHeader("a=%zz", Tagging.Scope.OBJECT)).error());
    }

    // ---- CORS

    @Test
    void corsParsesAndWritesBack() {
        CorsConfiguration c = CorsConfiguration.parse(body("""
                <CORSConfiguration %s>
                  <CORSRule>
                    <ID>web</ID>
                    <AllowedOrigin>https://*.example.com</AllowedOrigin>
                    <AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>
                    <AllowedHeader>*</AllowedHeader>
                    <ExposeHeader>ETag</ExposeHeader>
                    <MaxAgeSeconds>3000</MaxAgeSeconds>
                  </CORSRule>
                  <CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>HEAD</AllowedMethod></CORSRule>
                </CORSConfiguration>""".formatted(NS)));
        assertEquals(2, c.rules().size());
        CorsConfiguration.Rule web = c.rules().getFirst();
        assertEquals("web", web.id());
        assertEquals(List.of("GET", "PUT"), web.allowedMethods());
        assertEquals(3000, web.maxAgeSeconds());
        assertNull(c.rules().get(1).maxAgeSeconds());
        Golden.assertDocument("""
                <CORSConfiguration$NS>
                  <CORSRule><ID>web</ID><AllowedHeader>*</AllowedHeader><AllowedMethod>GET</AllowedMethod>
                    <AllowedMethod>PUT</AllowedMethod><AllowedOrigin>https://*.example.com</AllowedOrigin>
                    <ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>
                  <CORSRule><AllowedMethod>HEAD</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule>
                </CORSConfiguration>""", c.toXml());
        assertEquals(c, CorsConfiguration.parse(new ByteArrayInputStream(c.toXml())));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<CORSConfiguration></CORSConfiguration>",
            "<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>",
            "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>",
            "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
                    + "<MaxAgeSeconds>soon</MaxAgeSeconds></CORSRule></CORSConfiguration>",
    })
    void badCorsIsMalformed(String xml) {
        assertThrows(MalformedXmlException.class, () -> CorsConfiguration.parse(body(xml)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PATCH</AllowedMethod>"
                    + "</CORSRule></CORSConfiguration>",
            "<CORSConfiguration><CORSRule><AllowedOrigin>*.*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
                    + "</CORSRule></CORSConfiguration>",
            "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
                    + "<AllowedHeader>x-*-*</AllowedHeader></CORSRule></CORSConfiguration>",
    })
    void unsupportedCorsIsInvalidRequest(String xml) {
        assertEquals(S3Error.INVALID_REQUEST,
                assertThrows(S3Exception.class, () -> CorsConfiguration.parse(body(xml))).error());
    }

    // ---- ServerSideEncryptionConfiguration

    @Test
    void sseConfiguration() {
        var s = ServerSideEncryptionConfiguration.parse(body("""
                <ServerSideEncryptionConfiguration %s><Rule>
                  <ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>
                    <KMSMasterKeyID>cairn-key-1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>
                  <BucketKeyEnabled>true</BucketKeyEnabled>
                </Rule></ServerSideEncryptionConfiguration>""".formatted(NS)));
        assertEquals(new ServerSideEncryptionConfiguration("aws:kms", "cairn-key-1", true), s);
        assertEquals(new ServerSideEncryptionConfiguration("AES256", null, false),
                ServerSideEncryptionConfiguration.parse(body("<ServerSideEncryptionConfiguration><Rule>"
                        + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                        + "</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<ServerSideEncryptionConfiguration></ServerSideEncryptionConfiguration>",
            "<ServerSideEncryptionConfiguration><Rule></Rule></ServerSideEncryptionConfiguration>",
            "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>"
                    + "<SSEAlgorithm>DES</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"
                    + "</ServerSideEncryptionConfiguration>",
            "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>"
                    + "</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>",
    })
    void badSseIsMalformed(String xml) {
        assertThrows(MalformedXmlException.class, () -> ServerSideEncryptionConfiguration.parse(body(xml)));
    }

    @Test
    void sseKeyIdWithAes256IsInvalidArgument() {
        assertEquals(S3Error.INVALID_ARGUMENT, assertThrows(S3Exception.class,
                () -> ServerSideEncryptionConfiguration.parse(body("<ServerSideEncryptionConfiguration><Rule>"
                        + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                        + "<KMSMasterKeyID>k</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></Rule>"
                        + "</ServerSideEncryptionConfiguration>"))).error());
    }

    // ---- continuation tokens and encoding-type

    @ParameterizedTest
    @ValueSource(strings = {"a", "photos/2024/", "日本/😀 & <x>", " \u0001 "})
    void continuationTokensRoundTrip(String key) {
        String token = ContinuationToken.encode(key);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertEquals(key, ContinuationToken.decode(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "AA", "a2V5", "Af8", "AQ=x"})
    void garbageTokensAreInvalidArgument(String token) {
        S3Exception e = assertThrows(S3Exception.class, () -> ContinuationToken.decode(token));
        assertEquals(S3Error.INVALID_ARGUMENT, e.error());
        assertEquals("The continuation token provided is incorrect", e.getMessage());
    }

    @Test
    void encodingType() {
        assertNull(ContinuationToken.decode(null));
        assertEquals(EncodingType.NONE, EncodingType.parse(null));
        assertEquals(EncodingType.URL, EncodingType.parse("URL"));
        assertEquals(S3Error.INVALID_ARGUMENT,
                assertThrows(S3Exception.class, () -> EncodingType.parse("base64")).error());
    }

    private static void assertInvalidTag(String xml, Tagging.Scope scope) {
        assertEquals(S3Error.INVALID_TAG, assertThrows(S3Exception.class, () -> Tagging.parse(body(xml), scope)).error());
    }

    /** A tagging body of {@code n} tags with keys and values of the given lengths (distinct keys). */
    private static String tags(int n, int keyLength, int valueLength) {
        StringBuilder sb = new StringBuilder("<Tagging><TagSet>");
        for (int i = 0; i < n; i++) {
            String prefix = Integer.toString(i, 36);
            String key = prefix + "k".repeat(Math.max(0, keyLength - prefix.length()));
            sb.append("<Tag><Key>").append(key).append("</Key><Value>").append("v".repeat(valueLength))
                    .append("</Value></Tag>");
        }
        return sb.append("</TagSet></Tagging>").toString();
    }

    private static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
