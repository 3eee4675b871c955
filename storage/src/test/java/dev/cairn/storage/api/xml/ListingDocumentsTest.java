package dev.cairn.storage.api.xml;

import static dev.cairn.storage.api.xml.Golden.assertDocument;
import static dev.cairn.storage.api.xml.ResponseDocumentsTest.OWNER;
import static dev.cairn.storage.api.xml.ResponseDocumentsTest.T1;
import static dev.cairn.storage.api.xml.ResponseDocumentsTest.T2;
import static dev.cairn.storage.api.xml.ResponseDocumentsTest.object;

import dev.cairn.storage.object.ListResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingDocumentsTest {

    private static final String ETAG = "<ETag>&quot;0cc175b9c0f1b6a831c399e269772661&quot;</ETag>";

    @Test
    void v1TruncatedWithDelimiterHasNextMarkerAndOwners() {
        ListResult page = new ListResult(List.of(object("a&b.txt", "null", true, false, 1, T1)),
                List.of("photos/"), true, "photos/", null);
        assertDocument("""
                <ListBucketResult$NS>
                  <Name>b</Name><Prefix></Prefix><Marker></Marker><NextMarker>photos/</NextMarker>
                  <MaxKeys>2</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>
                  <Contents>
                    <Key>a&amp;b.txt</Key><LastModified>2024-05-06T07:08:09.123Z</LastModified>$ETAG
                    <Size>1</Size><StorageClass>STANDARD</StorageClass>
                    <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner>
                  </Contents>
                  <CommonPrefixes><Prefix>photos/</Prefix></CommonPrefixes>
                </ListBucketResult>""".replace("$ETAG", ETAG), ListingXml.listObjectsV1(
                new ListingXml.V1Request("b", null, "/", null, 2, EncodingType.NONE), page, o -> OWNER));
    }

    @Test
    void v1WithoutDelimiterHasNoNextMarkerEvenWhenTruncated() {
        ListResult page = new ListResult(List.of(object("k", "null", true, false, 1, T1)), List.of(), true, "k", null);
        assertDocument("""
                <ListBucketResult$NS>
                  <Name>b</Name><Prefix>k</Prefix><Marker>a</Marker><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated>
                  <Contents><Key>k</Key><LastModified>2024-05-06T07:08:09.123Z</LastModified>$ETAG
                    <Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>
                </ListBucketResult>""".replace("$ETAG", ETAG), ListingXml.listObjectsV1(
                new ListingXml.V1Request("b", "k", null, "a", 1, EncodingType.NONE), page, null));
    }

    /** Under encoding-type=url v1 encodes keys, prefixes, markers and the delimiter, but echoes Prefix as given. */
    @Test
    void v1UrlEncoded() {
        ListResult page = new ListResult(List.of(object("dir one/é+ü.txt", "null", true, false, 1, T1)),
                List.of("dir one/sub dir/"), false, null, null);
        assertDocument("""
                <ListBucketResult$NS>
                  <Name>b</Name><Prefix>dir one/</Prefix><Marker>dir+one/a+b</Marker><MaxKeys>1000</MaxKeys>
                  <Delimiter>/</Delimiter><IsTruncated>false</IsTruncated>
                  <Contents><Key>dir+one/%C3%A9%2B%C3%BC.txt</Key><LastModified>2024-05-06T07:08:09.123Z</LastModified>
                    $ETAG<Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>
                  <CommonPrefixes><Prefix>dir+one/sub+dir/</Prefix></CommonPrefixes>
                  <EncodingType>url</EncodingType>
                </ListBucketResult>""".replace("$ETAG", ETAG), ListingXml.listObjectsV1(
                new ListingXml.V1Request("b", "dir one/", "/", "dir one/a b", 1000, EncodingType.URL), page, null));
    }

    @Test
    void v1Empty() {
        assertDocument("""
                <ListBucketResult$NS>
                  <Name>b</Name><Prefix></Prefix><Marker></Marker><MaxKeys>1000</MaxKeys>
                  <IsTruncated>false</IsTruncated>
                </ListBucketResult>""", ListingXml.listObjectsV1(
                new ListingXml.V1Request("b", null, null, null, 1000, EncodingType.NONE),
                new ListResult(List.of(), List.of(), false, null, null), o -> OWNER));
    }

    @Test
    void v2TruncatedWithTokensAndStartAfter() {
        ListResult page = new ListResult(List.of(object("c", "null", true, false, 7, T2)), List.of("d/"), true, "d/",
                null);
        assertDocument("""
                <ListBucketResult$NS>
                  <Name>b</Name><Prefix></Prefix><ContinuationToken>AWI</ContinuationToken>
                  <NextContinuationToken>$TOKEN</NextContinuationToken><StartAfter>a</StartAfter>
                  <KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>
                  <Contents><Key>c</Key><LastModified>2025-01-02T03:04:05.000Z</LastModified>$ETAG
                    <Size>7</Size><StorageClass>STANDARD</StorageClass></Contents>
                  <CommonPrefixes><Prefix>d/</Prefix></CommonPrefixes>
                </ListBucketResult>""".replace("$TOKEN", ContinuationToken.encode("d/")).replace("$ETAG", ETAG), ListingXml.listObjectsV2(
                new ListingXml.V2Request("b", null, "/", "a", "AWI", 2, EncodingType.NONE, false), page, o -> OWNER));
    }

    @Test
    void v2FetchOwnerAndUrlEncoding() {
        ListResult page = new ListResult(List.of(object("a b", "null", true, false, 1, T1)), List.of(), false, null,
                null);
        assertDocument("""
                <ListBucketResult$NS>
                  <Name>b</Name><Prefix>a+</Prefix><StartAfter>%3C</StartAfter><KeyCount>1</KeyCount>
                  <MaxKeys>5</MaxKeys><IsTruncated>false</IsTruncated>
                  <Contents><Key>a+b</Key><LastModified>2024-05-06T07:08:09.123Z</LastModified>$ETAG
                    <Size>1</Size><StorageClass>STANDARD</StorageClass>
                    <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner></Contents>
                  <EncodingType>url</EncodingType>
                </ListBucketResult>""".replace("$ETAG", ETAG), ListingXml.listObjectsV2(
                new ListingXml.V2Request("b", "a ", null, "<", null, 5, EncodingType.URL, true), page, o -> OWNER));
    }

    @Test
    void v2Empty() {
        assertDocument("""
                <ListBucketResult$NS>
                  <Name>b</Name><Prefix>none/</Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys>
                  <IsTruncated>false</IsTruncated>
                </ListBucketResult>""", ListingXml.listObjectsV2(
                new ListingXml.V2Request("b", "none/", null, null, null, 1000, EncodingType.NONE, true),
                new ListResult(List.of(), List.of(), false, null, null), o -> OWNER));
    }

    @Test
    void versionsInterleaveVersionsAndDeleteMarkers() {
        ListResult page = new ListResult(List.of(
                object("k", "dm-2", true, true, 0, T2),
                object("k", "v-1", false, false, 1, T1),
                object("k<2", "null", true, false, 1, T1)), List.of("p/"), true, "k<2", "null");
        assertDocument("""
                <ListVersionsResult$NS>
                  <Name>b</Name><Prefix></Prefix><KeyMarker>j</KeyMarker><VersionIdMarker>v-0</VersionIdMarker>
                  <NextKeyMarker>k&lt;2</NextKeyMarker><NextVersionIdMarker>null</NextVersionIdMarker>
                  <MaxKeys>4</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>
                  <DeleteMarker><Key>k</Key><VersionId>dm-2</VersionId><IsLatest>true</IsLatest>
                    <LastModified>2025-01-02T03:04:05.000Z</LastModified>
                    <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner></DeleteMarker>
                  <Version><Key>k</Key><VersionId>v-1</VersionId><IsLatest>false</IsLatest>
                    <LastModified>2024-05-06T07:08:09.123Z</LastModified>$ETAG<Size>1</Size>
                    <StorageClass>STANDARD</StorageClass>
                    <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner></Version>
                  <Version><Key>k&lt;2</Key><VersionId>null</VersionId><IsLatest>true</IsLatest>
                    <LastModified>2024-05-06T07:08:09.123Z</LastModified>$ETAG<Size>1</Size>
                    <StorageClass>STANDARD</StorageClass>
                    <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner></Version>
                  <CommonPrefixes><Prefix>p/</Prefix></CommonPrefixes>
                </ListVersionsResult>""".replace("$ETAG", ETAG), ListingXml.listVersions(
                new ListingXml.VersionsRequest("b", null, "/", "j", "v-0", 4, EncodingType.NONE), page, o -> OWNER));
    }

    @Test
    void versionsEmptyAndUrlEncoded() {
        assertDocument("""
                <ListVersionsResult$NS>
                  <Name>b</Name><Prefix>a%26b</Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker>
                  <MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><EncodingType>url</EncodingType>
                </ListVersionsResult>""", ListingXml.listVersions(
                new ListingXml.VersionsRequest("b", "a&b", null, null, null, 1000, EncodingType.URL),
                new ListResult(List.of(), List.of(), false, null, null), o -> OWNER));
    }
}
