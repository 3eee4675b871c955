package dev.cairn.storage.api.xml;

import static dev.cairn.storage.api.xml.Golden.assertDocument;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.api.checksum.ChecksumType;
import dev.cairn.storage.api.checksum.ChecksumValue;
import dev.cairn.storage.object.BucketInfo;
import dev.cairn.storage.object.DeleteOutcome;
import dev.cairn.storage.object.DeleteResult;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectToDelete;
import dev.cairn.storage.object.StorageClass;
import dev.cairn.storage.object.Versioning;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bucket, object, error and tagging documents against golden text. Listings and multipart have their own. */
class ResponseDocumentsTest {

    static final Instant T1 = Instant.parse("2024-05-06T07:08:09.123456Z");
    static final Instant T2 = Instant.parse("2025-01-02T03:04:05Z");
    static final Owner OWNER = new Owner("75aa57f09aa0c8ca", "cairn & co");

    @Test
    void error() {
        S3Exception e = new S3Exception(S3Error.NO_SUCH_KEY).withResource("/b/a&b<c>").withField("Key", "a&b<c>");
        assertDocument("""
                <Error>
                  <Code>NoSuchKey</Code>
                  <Message>The specified key does not exist.</Message>
                  <Key>a&amp;b&lt;c&gt;</Key>
                  <Resource>/b/a&amp;b&lt;c&gt;</Resource>
                  <RequestId>17C2B4A1D0E3F5A6</RequestId>
                  <HostId>node-1</HostId>
                </Error>""", ErrorXml.toXml(e, "17C2B4A1D0E3F5A6", "node-1"));
    }

    @Test
    void errorWithExtraFieldsInOrderAndNothingOptional() {
        assertDocument("""
                <Error>
                  <Code>InvalidRange</Code>
                  <Message>The requested range is not satisfiable</Message>
                  <RangeRequested>bytes=100-</RangeRequested>
                  <ActualObjectSize>10</ActualObjectSize>
                </Error>""", ErrorXml.toXml(S3Exception.invalidRange(10, "bytes=100-"), null, null));
    }

    @Test
    void listAllMyBuckets() {
        assertDocument("""
                <ListAllMyBucketsResult$NS>
                  <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner>
                  <Buckets>
                    <Bucket><Name>alpha</Name><CreationDate>2024-05-06T07:08:09.123Z</CreationDate></Bucket>
                    <Bucket><Name>beta</Name><CreationDate>2025-01-02T03:04:05.000Z</CreationDate></Bucket>
                  </Buckets>
                </ListAllMyBucketsResult>""", BucketXml.listAllMyBuckets(OWNER,
                List.of(new BucketInfo("alpha", T1), new BucketInfo("beta", T2)), null, null));
    }

    @Test
    void listAllMyBucketsTruncatedWithPrefix() {
        assertDocument("""
                <ListAllMyBucketsResult$NS>
                  <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner>
                  <Buckets>
                    <Bucket><Name>alpha</Name><CreationDate>2024-05-06T07:08:09.123Z</CreationDate></Bucket>
                  </Buckets>
                  <ContinuationToken>AWFscGhh</ContinuationToken><Prefix>al</Prefix>
                </ListAllMyBucketsResult>""", BucketXml.listAllMyBuckets(OWNER,
                List.of(new BucketInfo("alpha", T1)), ContinuationToken.encode("alpha"), "al"));
    }

    @Test
    void listAllMyBucketsEmpty() {
        assertDocument("""
                <ListAllMyBucketsResult$NS>
                  <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner>
                  <Buckets></Buckets>
                </ListAllMyBucketsResult>""", BucketXml.listAllMyBuckets(OWNER, List.of(), null, null));
    }

    @Test
    void locationConstraint() {
        assertDocument("<LocationConstraint$NS>eu-west-1</LocationConstraint>",
                BucketXml.locationConstraint("eu-west-1"));
        assertDocument("<LocationConstraint$NS></LocationConstraint>", BucketXml.locationConstraint("us-east-1"));
        assertDocument("<LocationConstraint$NS></LocationConstraint>", BucketXml.locationConstraint(null));
    }

    @Test
    void versioningConfiguration() {
        assertDocument("<VersioningConfiguration$NS></VersioningConfiguration>",
                BucketXml.versioningConfiguration(Versioning.UNVERSIONED));
        assertDocument("<VersioningConfiguration$NS><Status>Enabled</Status></VersioningConfiguration>",
                BucketXml.versioningConfiguration(Versioning.ENABLED));
        assertDocument("<VersioningConfiguration$NS><Status>Suspended</Status></VersioningConfiguration>",
                BucketXml.versioningConfiguration(Versioning.SUSPENDED));
    }

    @Test
    void copyObjectAndCopyPartResults() {
        assertDocument("""
                <CopyObjectResult$NS>
                  <LastModified>2024-05-06T07:08:09.123Z</LastModified>
                  <ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>
                </CopyObjectResult>""", ObjectXml.copyObjectResult("9b2cf535f27731c974343645a3985328", T1, null));
        assertDocument("""
                <CopyPartResult$NS>
                  <LastModified>2025-01-02T03:04:05.000Z</LastModified>
                  <ETag>&quot;b54357faf0632cce46e942fa68356b38&quot;</ETag>
                  <ChecksumType>FULL_OBJECT</ChecksumType>
                  <ChecksumCRC32C>crUfeA==</ChecksumCRC32C>
                </CopyPartResult>""", MultipartXml.copyPartResult("b54357faf0632cce46e942fa68356b38", T2,
                new ChecksumValue(ChecksumAlgorithm.CRC32C, "crUfeA==", ChecksumType.FULL_OBJECT)));
    }

    @Test
    void deleteResultCoversEveryKindOfOutcome() {
        List<DeleteOutcome> outcomes = List.of(
                // unversioned bucket: the key is gone
                new DeleteOutcome(new ObjectToDelete("plain", null), new DeleteResult("null", false), null),
                // versioned bucket, no version: a delete marker was created
                new DeleteOutcome(new ObjectToDelete("a&b", null), new DeleteResult("dm-1", true), null),
                // a version removed
                new DeleteOutcome(new ObjectToDelete("k", "v-7"), new DeleteResult("v-7", false), null),
                // a delete marker removed by its version id
                new DeleteOutcome(new ObjectToDelete("k", "dm-0"), new DeleteResult("dm-0", true), null),
                new DeleteOutcome(new ObjectToDelete("busy", "v-9"), null,
                        new ObjectException(ObjectError.INSUFFICIENT_WRITE_QUORUM, "2 of 4 drives")));
        assertDocument("""
                <DeleteResult$NS>
                  <Deleted><Key>plain</Key></Deleted>
                  <Deleted><Key>a&amp;b</Key><DeleteMarker>true</DeleteMarker>
                    <DeleteMarkerVersionId>dm-1</DeleteMarkerVersionId></Deleted>
                  <Deleted><Key>k</Key><VersionId>v-7</VersionId></Deleted>
                  <Deleted><Key>k</Key><VersionId>dm-0</VersionId><DeleteMarker>true</DeleteMarker>
                    <DeleteMarkerVersionId>dm-0</DeleteMarkerVersionId></Deleted>
                  <Error><Key>busy</Key><VersionId>v-9</VersionId><Code>SlowDownWrite</Code>
                    <Message>%s</Message></Error>
                </DeleteResult>""".formatted(S3Error.INSUFFICIENT_WRITE_QUORUM.defaultMessage()),
                ObjectXml.deleteResult(outcomes, false));
        assertDocument("""
                <DeleteResult$NS>
                  <Error><Key>busy</Key><VersionId>v-9</VersionId><Code>SlowDownWrite</Code>
                    <Message>%s</Message></Error>
                </DeleteResult>""".formatted(S3Error.INSUFFICIENT_WRITE_QUORUM.defaultMessage()),
                ObjectXml.deleteResult(outcomes, true));
        assertDocument("<DeleteResult$NS></DeleteResult>", ObjectXml.deleteResult(outcomes.subList(0, 4), true));
    }

    /** Tags come out in key order, whatever order they were given in. */
    @Test
    void tagging() {
        Tagging t = new Tagging(List.of(new Tagging.Tag("project", "cairn"), new Tagging.Tag("a<b", "")));
        assertDocument("""
                <Tagging$NS><TagSet>
                  <Tag><Key>a&lt;b</Key><Value></Value></Tag>
                  <Tag><Key>project</Key><Value>cairn</Value></Tag>
                </TagSet></Tagging>""", t.toXml());
        assertDocument("<Tagging$NS><TagSet></TagSet></Tagging>", new Tagging(List.of()).toXml());
    }

    @Test
    void objectAttributesAllOfThem() {
        var parts = new ObjectAttributesXml.Parts(3, 0, 2, 2, true, ChecksumAlgorithm.SHA256, List.of(
                new ObjectAttributesXml.Part(1, 5_242_880, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
                new ObjectAttributesXml.Part(2, 5_242_880, null)));
        var attrs = new ObjectAttributesXml.Attributes("d41d8cd98f00b204e9800998ecf8427e-3",
                new ChecksumValue(ChecksumAlgorithm.SHA256, "ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=-3",
                        ChecksumType.COMPOSITE), parts, StorageClass.REDUCED_REDUNDANCY, 12_000_000);
        assertDocument("""
                <GetObjectAttributesResponse$NS>
                  <ETag>d41d8cd98f00b204e9800998ecf8427e-3</ETag>
                  <Checksum>
                    <ChecksumSHA256>ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=</ChecksumSHA256>
                    <ChecksumType>COMPOSITE</ChecksumType>
                  </Checksum>
                  <ObjectParts>
                    <PartsCount>3</PartsCount><PartNumberMarker>0</PartNumberMarker>
                    <NextPartNumberMarker>2</NextPartNumberMarker><MaxParts>2</MaxParts>
                    <IsTruncated>true</IsTruncated>
                    <Part><PartNumber>1</PartNumber><Size>5242880</Size>
                      <ChecksumSHA256>47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=</ChecksumSHA256></Part>
                    <Part><PartNumber>2</PartNumber><Size>5242880</Size></Part>
                  </ObjectParts>
                  <StorageClass>REDUCED_REDUNDANCY</StorageClass>
                  <ObjectSize>12000000</ObjectSize>
                </GetObjectAttributesResponse>""", ObjectAttributesXml.toXml(attrs,
                ObjectAttributesXml.Attribute.parse(List.of("ETag, Checksum", "ObjectParts,StorageClass,objectsize"))));
    }

    @Test
    void objectAttributesOnlyThoseAsked() {
        var attrs = new ObjectAttributesXml.Attributes("abc", null, null, StorageClass.STANDARD, 3);
        assertDocument("<GetObjectAttributesResponse$NS><ObjectSize>3</ObjectSize></GetObjectAttributesResponse>",
                ObjectAttributesXml.toXml(attrs, ObjectAttributesXml.Attribute.parse(List.of("ObjectSize"))));
        assertDocument("<GetObjectAttributesResponse$NS><ETag>abc</ETag></GetObjectAttributesResponse>",
                ObjectAttributesXml.toXml(attrs, ObjectAttributesXml.Attribute.parse(List.of("ETag,Checksum"))));
        org.junit.jupiter.api.Assertions.assertThrows(S3Exception.class,
                () -> ObjectAttributesXml.Attribute.parse(List.of("ETag,Colour")));
        org.junit.jupiter.api.Assertions.assertThrows(S3Exception.class,
                () -> ObjectAttributesXml.Attribute.parse(List.of(" , ")));
    }

    static ObjectInfo object(String key, String versionId, boolean latest, boolean marker, long size, Instant t) {
        return new ObjectInfo("b", key, versionId, latest, marker, size, marker ? "" : "0cc175b9c0f1b6a831c399e269772661",
                t, Map.of(), marker ? java.util.List.<Long>of() : java.util.List.of(size), StorageClass.STANDARD);
    }
}
