package dev.cairn.storage.api;

import dev.cairn.notifications.EventName;
import dev.cairn.storage.api.acl.AccessRules;
import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.checksum.ChecksumValue;
import dev.cairn.storage.api.http.Preconditions;
import dev.cairn.storage.api.http.RangeHeader;
import dev.cairn.storage.api.http.S3Request;
import dev.cairn.storage.api.xml.DeleteObjectsRequest;
import dev.cairn.storage.api.xml.ObjectXml;
import dev.cairn.storage.object.DeleteOutcome;
import dev.cairn.storage.object.DeleteResult;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.PutOptions;
import dev.cairn.storage.object.WriteCondition;
import dev.cairn.storage.object.RangeSpec;
import dev.cairn.storage.object.StorageClass;
import dev.cairn.storage.object.Versioning;

import java.util.List;
import java.util.Map;

/** Object operations: put, get, head, delete, batch delete, copy. */
final class ObjectHandlers {

    void putObject(S3Call call) {
        S3Request r = call.request();
        S3Keys.requireValidLength(call.key());
        long size = ObjectRequests.contentLength(r);
        if (size > ObjectRequests.MAX_PUT_SIZE) {
            throw new S3Exception(S3Error.ENTITY_TOO_LARGE, "Your proposed upload exceeds the maximum allowed size");
        }
        Versioning versioning = call.settings.versioning(call.bucket());
        AccessRules.BucketAccess bucket = call.access.bucketAccess(call.bucket());
        Acl acl = ObjectAcls.forWrite(call, bucket, r.header("x-amz-acl"), call.owner());
        WriteCondition condition = ConditionalWrites.check(call);
        Map<String, String> metadata = new java.util.TreeMap<>(withTags(ObjectHeaders.fromRequest(r.headers()),
                TaggingHandlers.fromRequest(call)));
        ObjectAcls.store(metadata, acl, bucket);
        java.io.InputStream body = ObjectRequests.bounded(call.body(), size, ObjectRequests.MAX_PUT_SIZE);
        var checked = ChecksumRequests.wrap(call, body, size);
        PutOptions opts = new PutOptions(versioning, metadata, ObjectRequests.storageClass(r),
                ObjectRequests.contentMd5Hex(r)).withCondition(condition);
        if (checked != null) {
            // verified when the body has been read, recorded in the same commit
            opts = opts.withAfterBody(() -> {
                Map<String, String> m = new java.util.HashMap<>();
                ChecksumRequests.store(checked, m);
                return m;
            });
        }
        java.io.InputStream stored = checked == null ? body : checked;
        PutOptions putOptions = opts;
        ObjectInfo info = call.events.creating(call, EventName.OBJECT_CREATED_PUT,
                () -> call.layer.putObject(call.bucket(), call.key(), stored, size, putOptions));
        ChecksumRequests.toResponse(info, call);
        call.header("ETag", ObjectRequests.quoted(info.etag()));
        versionHeader(call, versioning, info.versionId());
        call.empty(200);
    }

    static Map<String, String> withTags(Map<String, String> metadata, String tags) {
        if (tags == null) {
            return metadata;
        }
        Map<String, String> m = new java.util.TreeMap<>(metadata);
        m.put(TaggingHandlers.METADATA_KEY, tags);
        return m;
    }

    /**
     * The version a write made, when it made one with an id: a write to an unversioned or suspended bucket makes
     * the null version, which S3 does not report.
     */
    static void versionHeader(S3Call call, Versioning versioning, String versionId) {
        if (versioning != Versioning.UNVERSIONED && !ObjectInfo.NULL_VERSION_ID.equals(versionId)) {
            call.header("x-amz-version-id", versionId);
        }
    }

    void getObject(S3Call call) throws Exception {
        S3Request r = call.request();
        String versionId = ObjectRequests.versionId(r);
        RangeSpec range = RangeHeader.parse(r.header("Range"));
        String partNumber = r.param("partNumber");
        // with partNumber the part's range comes from the version's part sizes: read the metadata once, then the part
        ObjectStream s = partNumber == null ? call.layer.getObject(call.bucket(), call.key(), versionId, range)
                : PartRanges.openPart(call, call.layer.getObjectInfo(call.bucket(), call.key(), versionId), partNumber,
                versionId);
        try {
            ObjectInfo info = s.info();
            Preconditions.Outcome outcome = Preconditions.evaluate(r.header("If-Match"), r.header("If-None-Match"),
                    r.header("If-Modified-Since"), r.header("If-Unmodified-Since"), info.etag(), info.modTime());
            if (outcome == Preconditions.Outcome.NOT_MODIFIED) {
                s.close();
                call.header("ETag", ObjectRequests.quoted(info.etag()))
                        .header("Last-Modified", Preconditions.httpDate(info.modTime()));
                call.response.setStatusCode(304).end(); // no body, no Content-Length, as RFC 9110 says
                return;
            }
            if (outcome == Preconditions.Outcome.PRECONDITION_FAILED) {
                s.close();
                throw new S3Exception(S3Error.PRECONDITION_FAILED,
                        "At least one of the pre-conditions you specified did not hold");
            }
            writeObjectHeaders(call, info, versionId != null || !"null".equals(info.versionId()),
                    partNumber == null ? null : PartRanges.parsePartNumber(partNumber));
            responseOverrides(call);
            call.events.accessed(call, r.method().equals("HEAD") ? EventName.OBJECT_ACCESSED_HEAD
                    : EventName.OBJECT_ACCESSED_GET, info);
            boolean partial = range != null || partNumber != null && info.partCount() > 1;
            if (partial) {
                call.header("Content-Range", "bytes " + s.range().offset() + "-" + (s.range().end() - 1) + "/"
                        + info.size());
            }
            call.stream(partial ? 206 : 200, s.range().length(), s.body());
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    /** The headers of a GET/HEAD of {@code info}; {@code partNumber} null for the whole object. */
    static void writeObjectHeaders(S3Call call, ObjectInfo info, boolean showVersion, Integer partNumber) {
        call.header("ETag", ObjectRequests.quoted(info.etag()))
                .header("Last-Modified", Preconditions.httpDate(info.modTime()))
                .header("Accept-Ranges", "bytes");
        ObjectHeaders.toResponse(info.metadata(), call::header);
        if (info.storageClass() != StorageClass.STANDARD) {
            call.header("x-amz-storage-class", info.storageClass().name());
        }
        if (showVersion) {
            call.header("x-amz-version-id", info.versionId());
        }
        if (info.multipart()) {
            call.header("x-amz-mp-parts-count", Integer.toString(info.partCount()));
        }
        if ("ENABLED".equalsIgnoreCase(call.request().header("x-amz-checksum-mode"))
                && call.request().header("Range") == null) {
            ChecksumValue c = partNumber == null ? UploadChecksums.of(info) : UploadChecksums.ofPart(info, partNumber);
            if (c != null) {
                call.header(c.algorithm().headerName(), c.value()).header(ChecksumRequests.TYPE_KEY, c.type().name());
            }
        }
        int tags = TaggingHandlers.tagsOf(info).tags().size();
        if (tags > 0) {
            call.header("x-amz-tagging-count", Integer.toString(tags));
        }
    }

    /** response-content-type and friends replace the stored headers in a GET's response. */
    private static void responseOverrides(S3Call call) {
        for (var e : Map.of("response-content-type", "Content-Type", "response-content-language",
                "Content-Language", "response-expires", "Expires", "response-cache-control", "Cache-Control",
                "response-content-disposition", "Content-Disposition", "response-content-encoding",
                "Content-Encoding").entrySet()) {
            String v = call.request().param(e.getKey());
            if (v != null) {
                call.response.headers().set(e.getValue(), v);
            }
        }
    }

    void deleteObject(S3Call call) {
        String versionId = ObjectRequests.versionId(call.request());
        Versioning versioning = call.settings.versioning(call.bucket());
        DeleteResult r = call.events.removing(call,
                () -> call.layer.deleteObject(call.bucket(), call.key(), versionId, versioning));
        if (r.deleteMarker()) {
            call.header("x-amz-delete-marker", "true");
        }
        if (versionId != null || versioning != Versioning.UNVERSIONED) {
            call.header("x-amz-version-id", r.versionId());
        }
        call.empty(204);
    }

    void deleteObjects(S3Call call) throws Exception {
        DeleteObjectsRequest req = DeleteObjectsRequest.parse(call.body());
        Versioning versioning = call.settings.versioning(call.bucket());
        List<DeleteOutcome> outcomes = call.events.removing(call,
                () -> call.layer.deleteObjects(call.bucket(), req.objects(), versioning));
        call.xml(200, ObjectXml.deleteResult(outcomes, req.quiet()));
    }

    void copyObject(S3Call call) throws Exception {
        S3Request r = call.request();
        S3Keys.requireValidLength(call.key());
        CopySource src = CopySource.parse(r.header("x-amz-copy-source"));
        String directive = r.header("x-amz-metadata-directive");
        boolean replace = "REPLACE".equalsIgnoreCase(directive);
        if (directive != null && !replace && !"COPY".equalsIgnoreCase(directive)) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Unknown metadata directive.");
        }
        ObjectInfo source = call.layer.getObjectInfo(src.bucket(), src.key(), src.versionId());
        CopySource.checkPreconditions(r, source);
        boolean sameObject = src.bucket().equals(call.bucket()) && src.key().equals(call.key())
                && src.versionId() == null;
        if (sameObject && !replace && r.header("x-amz-storage-class") == null) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "This copy request is illegal because it is trying to "
                    + "copy an object to itself without changing the object's metadata, storage class, website "
                    + "redirect location or encryption attributes.");
        }
        Versioning versioning = call.settings.versioning(call.bucket());
        AccessRules.BucketAccess bucket = call.access.bucketAccess(call.bucket());
        Acl acl = ObjectAcls.forWrite(call, bucket, r.header("x-amz-acl"), call.owner());
        Map<String, String> metadata = replace ? ObjectHeaders.fromRequest(r.headers()) : new java.util.TreeMap<>(
                source.metadata());
        String taggingDirective = r.header("x-amz-tagging-directive");
        if ("REPLACE".equalsIgnoreCase(taggingDirective)) {
            metadata.remove(TaggingHandlers.METADATA_KEY);
            metadata = withTags(metadata, TaggingHandlers.fromRequest(call));
        } else if (replace && source.metadata().containsKey(TaggingHandlers.METADATA_KEY)) {
            metadata.put(TaggingHandlers.METADATA_KEY, source.metadata().get(TaggingHandlers.METADATA_KEY));
        }
        ObjectAcls.store(metadata, acl, bucket); // a copy never takes its source's ACL
        if (!replace && source.multipart()) {
            UploadChecksums.forget(metadata); // the parts' checksums describe the source's parts, not the copy
        }
        PutOptions opts = new PutOptions(versioning, metadata,
                r.header("x-amz-storage-class") != null ? ObjectRequests.storageClass(r) : source.storageClass(),
                null);
        ObjectInfo info = call.events.creating(call, EventName.OBJECT_CREATED_COPY, () -> call.layer.copyObject(
                src.bucket(), src.key(), source.versionId(), call.bucket(), call.key(), opts, true));
        versionHeader(call, versioning, info.versionId());
        if (src.versionId() != null || !"null".equals(source.versionId())) {
            call.header("x-amz-copy-source-version-id", source.versionId());
        }
        call.xml(200, ObjectXml.copyObjectResult(info.etag(), info.modTime(), null));
    }
}
