package dev.cairn.storage.api;

import dev.cairn.notifications.EventName;
import dev.cairn.storage.api.acl.AccessRules;
import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.http.RangeHeader;
import dev.cairn.storage.api.http.S3Request;
import dev.cairn.storage.api.xml.CompleteMultipartUploadRequest;
import dev.cairn.storage.api.xml.EncodingType;
import dev.cairn.storage.api.xml.MultipartXml;
import dev.cairn.storage.api.xml.Owner;
import dev.cairn.storage.object.CompletePart;
import dev.cairn.storage.object.ListPartsResult;
import dev.cairn.storage.object.ListUploadsResult;
import dev.cairn.storage.object.MultipartUpload;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.PutOptions;
import dev.cairn.storage.object.RangeSpec;
import dev.cairn.storage.object.UploadedPart;
import dev.cairn.storage.object.Versioning;
import dev.cairn.storage.object.WriteCondition;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Multipart uploads: create, upload part (and part copy), list parts, list uploads, complete, abort. */
final class MultipartHandlers {
    static final long MAX_PART_SIZE = 5L << 30;
    /** The principal that started an upload; upload-only metadata, which the completed object does not keep. */
    static final String INITIATOR_FIELD = MultipartUpload.UPLOAD_ONLY_PREFIX + "initiator";

    void create(S3Call call) {
        S3Request r = call.request();
        S3Keys.requireValidLength(call.key());
        AccessRules.BucketAccess bucket = call.access.bucketAccess(call.bucket());
        Acl acl = ObjectAcls.forWrite(call, bucket, r.header("x-amz-acl"), call.owner());
        Map<String, String> metadata = new TreeMap<>(ObjectHandlers.withTags(ObjectHeaders.fromRequest(r.headers()),
                TaggingHandlers.fromRequest(call)));
        ObjectAcls.store(metadata, acl, bucket); // the completed object's ACL, and its owner meanwhile
        UploadChecksums.onCreate(call, metadata);
        metadata.put(INITIATOR_FIELD, call.owner());
        PutOptions opts = new PutOptions(Versioning.UNVERSIONED, metadata, ObjectRequests.storageClass(r), null);
        MultipartUpload u = call.layer.newMultipartUpload(call.bucket(), call.key(), opts);
        call.xml(200, MultipartXml.initiate(call.bucket(), call.key(), u.uploadId()));
    }

    void uploadPart(S3Call call) {
        S3Request r = call.request();
        int part = PartRanges.parsePartNumber(r.param("partNumber"));
        long size = ObjectRequests.contentLength(r);
        if (size > MAX_PART_SIZE) {
            throw new S3Exception(S3Error.ENTITY_TOO_LARGE, "Your proposed upload exceeds the maximum allowed size");
        }
        java.io.InputStream body = ObjectRequests.bounded(call.body(), size, MAX_PART_SIZE);
        var checked = ChecksumRequests.wrap(call, body, size);
        UploadedPart p = call.layer.putObjectPart(call.bucket(), call.key(), r.param("uploadId"), part,
                checked == null ? body : checked, size, ObjectRequests.contentMd5Hex(r),
                UploadChecksums.partChecksum(checked));
        if (checked != null) {
            call.header(checked.algorithm().headerName(), checked.digestBase64());
        }
        call.header("ETag", ObjectRequests.quoted(p.etag())).empty(200);
    }

    void uploadPartCopy(S3Call call) throws Exception {
        S3Request r = call.request();
        int part = PartRanges.parsePartNumber(r.param("partNumber"));
        CopySource src = CopySource.parse(r.header("x-amz-copy-source"));
        ObjectInfo source = call.layer.getObjectInfo(src.bucket(), src.key(), src.versionId());
        CopySource.checkPreconditions(r, source);
        String rangeHeader = r.header("x-amz-copy-source-range");
        RangeSpec range = null;
        if (rangeHeader != null) {
            range = RangeHeader.parse(rangeHeader);
            if (range == null || range.first() == null || range.last() == null || range.last() >= source.size()) {
                throw new S3Exception(S3Error.INVALID_ARGUMENT, "Range specified is not valid for source object of "
                        + "size: " + source.size());
            }
        }
        try (ObjectStream s = call.layer.getObject(src.bucket(), src.key(), source.versionId(), range)) {
            UploadedPart p = call.layer.putObjectPart(call.bucket(), call.key(), r.param("uploadId"), part, s.body(),
                    s.range().length(), null);
            if (!"null".equals(source.versionId())) {
                call.header("x-amz-copy-source-version-id", source.versionId());
            }
            call.xml(200, MultipartXml.copyPartResult(p.etag(), p.lastModified(), null));
        }
    }

    void listParts(S3Call call) {
        S3Request r = call.request();
        int marker = parseOptionalInt(r.param("part-number-marker"), 0, "part-number-marker");
        int max = parseOptionalInt(r.param("max-parts"), 1000, "max-parts");
        ListPartsResult result = call.layer.listObjectParts(call.bucket(), call.key(), r.param("uploadId"), marker,
                Math.min(max, 1000));
        call.xml(200, MultipartXml.listParts(new MultipartXml.PartsRequest(call.bucket(), call.key(),
                r.param("uploadId"), marker, Math.min(max, 1000), EncodingType.parse(r.param("encoding-type"))),
                result, partiesOf(call, result.upload().metadata()),
                UploadChecksums.forListing(result.upload(), result.parts())));
    }

    void listUploads(S3Call call) {
        S3Request r = call.request();
        int max = Math.min(parseOptionalInt(r.param("max-uploads"), 1000, "max-uploads"), 1000);
        ListUploadsResult result = call.layer.listMultipartUploads(call.bucket(), r.param("prefix"),
                r.param("delimiter"), r.param("key-marker"), r.param("upload-id-marker"), max);
        call.xml(200, MultipartXml.listUploads(new MultipartXml.UploadsRequest(call.bucket(), r.param("prefix"),
                r.param("delimiter"), r.param("key-marker"), r.param("upload-id-marker"), max,
                EncodingType.parse(r.param("encoding-type"))), result, u -> partiesOf(call, u.metadata())));
    }

    /**
     * Who started an upload, and who its object will belong to (the owner of the ACL it was started with). They
     * differ for an upload started by another account under BucketOwnerPreferred with
     * {@code bucket-owner-full-control}. An upload from before the initiator was recorded names its owner twice.
     */
    private static MultipartXml.Parties partiesOf(S3Call call, Map<String, String> uploadMetadata) {
        String owner = ObjectAcls.of(uploadMetadata, call.access.bucketAccess(call.bucket())).owner();
        String initiator = uploadMetadata.getOrDefault(INITIATOR_FIELD, owner);
        return new MultipartXml.Parties(new Owner(initiator, initiator), new Owner(owner, owner));
    }

    void complete(S3Call call) throws Exception {
        CompleteMultipartUploadRequest request = CompleteMultipartUploadRequest.parse(call.body());
        List<CompletePart> parts = request.toCompleteParts();
        WriteCondition condition = ConditionalWrites.check(call);
        Versioning versioning = call.settings.versioning(call.bucket());
        ObjectInfo info = call.events.creating(call, EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD,
                () -> call.layer.completeMultipartUpload(call.bucket(), call.key(), call.request().param("uploadId"),
                        parts, versioning, UploadChecksums.completion(call.request()::header, request)
                                .onlyIf(condition)));
        ObjectHandlers.versionHeader(call, versioning, info.versionId());
        call.xml(200, MultipartXml.complete("/" + call.bucket() + "/" + call.key(), info, UploadChecksums.of(info)));
    }

    void abort(S3Call call) {
        call.layer.abortMultipartUpload(call.bucket(), call.key(), call.request().param("uploadId"));
        call.empty(204);
    }

    private static int parseOptionalInt(String v, int dflt, String name) {
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Argument " + name + " must be an integer between 0 and "
                    + Integer.MAX_VALUE);
        }
    }
}
