package dev.cairn.storage.api.xml;

import static dev.cairn.storage.api.xml.Golden.assertDocument;
import static dev.cairn.storage.api.xml.ResponseDocumentsTest.OWNER;
import static dev.cairn.storage.api.xml.ResponseDocumentsTest.T1;
import static dev.cairn.storage.api.xml.ResponseDocumentsTest.T2;
import static dev.cairn.storage.api.xml.ResponseDocumentsTest.object;

import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.api.checksum.ChecksumType;
import dev.cairn.storage.api.checksum.ChecksumValue;
import dev.cairn.storage.object.ListPartsResult;
import dev.cairn.storage.object.ListUploadsResult;
import dev.cairn.storage.object.MultipartUpload;
import dev.cairn.storage.object.StorageClass;
import dev.cairn.storage.object.UploadedPart;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartDocumentsTest {

    private static final MultipartUpload UPLOAD = new MultipartUpload("b", "video & audio.mp4", "up-1", T1,
            StorageClass.STANDARD, Map.of());

    @Test
    void initiate() {
        assertDocument("""
                <InitiateMultipartUploadResult$NS>
                  <Bucket>b</Bucket><Key>video &amp; audio.mp4</Key><UploadId>up-1</UploadId>
                </InitiateMultipartUploadResult>""", MultipartXml.initiate("b", "video & audio.mp4", "up-1"));
    }

    @Test
    void complete() {
        var info = object("k'1", "null", true, false, 10, T1);
        var withEtag = new dev.cairn.storage.object.ObjectInfo(info.bucket(), info.key(), info.versionId(), true,
                false, 10, "3858f62230ac3c915f300c664312c11f-9", T1, Map.of(), java.util.Collections.nCopies(9, 1L),
                StorageClass.STANDARD);
        assertDocument("""
                <CompleteMultipartUploadResult$NS>
                  <Location>http://127.0.0.1:9000/b/k%271</Location><Bucket>b</Bucket><Key>k&apos;1</Key>
                  <ETag>&quot;3858f62230ac3c915f300c664312c11f-9&quot;</ETag>
                </CompleteMultipartUploadResult>""",
                MultipartXml.complete("http://127.0.0.1:9000/b/k%271", withEtag, null));
        assertDocument("""
                <CompleteMultipartUploadResult$NS>
                  <Location>/b/k</Location><Bucket>b</Bucket><Key>k&apos;1</Key>
                  <ETag>&quot;3858f62230ac3c915f300c664312c11f-9&quot;</ETag>
                  <ChecksumCRC64NVME>OOJZ0D8xKts=</ChecksumCRC64NVME><ChecksumType>FULL_OBJECT</ChecksumType>
                </CompleteMultipartUploadResult>""", MultipartXml.complete("/b/k", withEtag,
                new ChecksumValue(ChecksumAlgorithm.CRC64NVME, "OOJZ0D8xKts=", ChecksumType.FULL_OBJECT)));
    }

    @Test
    void listPartsWithChecksums() {
        ListPartsResult page = new ListPartsResult(UPLOAD, List.of(
                new UploadedPart(2, "7778aef83f66abc1fa1e8477f296d394", 10_485_760, T1),
                new UploadedPart(3, "aaaaaef83f66abc1fa1e8477f296d394", 1, T2)), true, 3);
        var checksums = new MultipartXml.UploadChecksums(ChecksumAlgorithm.CRC32, ChecksumType.COMPOSITE,
                Map.of(2, "i9aeUg=="));
        assertDocument("""
                <ListPartsResult$NS>
                  <Bucket>b</Bucket><Key>video+%26+audio.mp4</Key><UploadId>up-1</UploadId>
                  <Initiator><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Initiator>
                  <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner>
                  <StorageClass>STANDARD</StorageClass>
                  <ChecksumAlgorithm>CRC32</ChecksumAlgorithm><ChecksumType>COMPOSITE</ChecksumType>
                  <PartNumberMarker>1</PartNumberMarker><NextPartNumberMarker>3</NextPartNumberMarker>
                  <MaxParts>2</MaxParts><IsTruncated>true</IsTruncated>
                  <Part><PartNumber>2</PartNumber><LastModified>2024-05-06T07:08:09.123Z</LastModified>
                    <ETag>&quot;7778aef83f66abc1fa1e8477f296d394&quot;</ETag><Size>10485760</Size>
                    <ChecksumCRC32>i9aeUg==</ChecksumCRC32></Part>
                  <Part><PartNumber>3</PartNumber><LastModified>2025-01-02T03:04:05.000Z</LastModified>
                    <ETag>&quot;aaaaaef83f66abc1fa1e8477f296d394&quot;</ETag><Size>1</Size></Part>
                  <EncodingType>url</EncodingType>
                </ListPartsResult>""", MultipartXml.listParts(
                new MultipartXml.PartsRequest("b", "video & audio.mp4", "up-1", 1, 2, EncodingType.URL), page,
                new MultipartXml.Parties(OWNER, OWNER), checksums));
    }

    @Test
    void listPartsEmpty() {
        assertDocument("""
                <ListPartsResult$NS>
                  <Bucket>b</Bucket><Key>video &amp; audio.mp4</Key><UploadId>up-1</UploadId>
                  <Initiator><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Initiator>
                  <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner>
                  <StorageClass>STANDARD</StorageClass>
                  <PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>0</NextPartNumberMarker>
                  <MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated>
                </ListPartsResult>""", MultipartXml.listParts(
                new MultipartXml.PartsRequest("b", "video & audio.mp4", "up-1", 0, 1000, EncodingType.NONE),
                new ListPartsResult(UPLOAD, List.of(), false, 0), new MultipartXml.Parties(OWNER, OWNER), null));
    }

    @Test
    void listUploads() {
        ListUploadsResult page = new ListUploadsResult(List.of(UPLOAD), List.of("photos/"), true,
                "video & audio.mp4", "up-1");
        assertDocument("""
                <ListMultipartUploadsResult$NS>
                  <Bucket>b</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>
                  <NextKeyMarker>video &amp; audio.mp4</NextKeyMarker><NextUploadIdMarker>up-1</NextUploadIdMarker>
                  <Delimiter>/</Delimiter><Prefix></Prefix><MaxUploads>2</MaxUploads><IsTruncated>true</IsTruncated>
                  <Upload><Key>video &amp; audio.mp4</Key><UploadId>up-1</UploadId>
                    <Initiator><ID>writer-key</ID><DisplayName>writer-key</DisplayName></Initiator>
                    <Owner><ID>75aa57f09aa0c8ca</ID><DisplayName>cairn &amp; co</DisplayName></Owner>
                    <StorageClass>STANDARD</StorageClass><Initiated>2024-05-06T07:08:09.123Z</Initiated></Upload>
                  <CommonPrefixes><Prefix>photos/</Prefix></CommonPrefixes>
                </ListMultipartUploadsResult>""", MultipartXml.listUploads(
                new MultipartXml.UploadsRequest("b", null, "/", null, null, 2, EncodingType.NONE), page,
                u -> new MultipartXml.Parties(new Owner("writer-key", "writer-key"), OWNER)));
    }

    @Test
    void listUploadsEmptyUrlEncoded() {
        assertDocument("""
                <ListMultipartUploadsResult$NS>
                  <Bucket>b</Bucket><KeyMarker>a+b</KeyMarker><UploadIdMarker>u</UploadIdMarker>
                  <NextKeyMarker></NextKeyMarker><NextUploadIdMarker></NextUploadIdMarker>
                  <Prefix>%C3%A9</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>
                  <EncodingType>url</EncodingType>
                </ListMultipartUploadsResult>""", MultipartXml.listUploads(
                new MultipartXml.UploadsRequest("b", "é", null, "a b", "u", 1000, EncodingType.URL),
                new ListUploadsResult(List.of(), List.of(), false, null, null),
                u -> new MultipartXml.Parties(OWNER, OWNER)));
    }
}
