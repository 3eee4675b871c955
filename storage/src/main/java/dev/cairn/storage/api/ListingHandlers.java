package dev.cairn.storage.api;

import dev.cairn.storage.api.http.S3Request;
import dev.cairn.storage.api.xml.ContinuationToken;
import dev.cairn.storage.api.xml.EncodingType;
import dev.cairn.storage.api.xml.ListingXml;
import dev.cairn.storage.api.xml.Owner;
import dev.cairn.storage.object.ListOptions;
import dev.cairn.storage.object.ListResult;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.api.acl.AccessRules;

import java.util.List;

/** ListObjects (v1 and v2) and ListObjectVersions. */
final class ListingHandlers {
    static final int MAX_KEYS = 1000;

    void listObjectsV1(S3Call call) {
        S3Request r = call.request();
        EncodingType enc = EncodingType.parse(r.param("encoding-type"));
        int max = maxKeys(r, "max-keys");
        ListOptions opts = new ListOptions(r.param("prefix"), delimiter(r), r.param("marker"), null, max);
        ListResult page = list(call, opts, false);
        call.xml(200, ListingXml.listObjectsV1(new ListingXml.V1Request(call.bucket(), r.param("prefix"),
                delimiter(r), r.param("marker"), max, enc), page, owner(call)));
    }

    void listObjectsV2(S3Call call) {
        S3Request r = call.request();
        EncodingType enc = EncodingType.parse(r.param("encoding-type"));
        int max = maxKeys(r, "max-keys");
        String token = r.param("continuation-token");
        String startAfter = r.param("start-after");
        // an empty token continues nothing: the listing starts where start-after (or nothing) says
        String marker = token != null && !token.isEmpty() ? ContinuationToken.decode(token) : startAfter;
        ListOptions opts = new ListOptions(r.param("prefix"), delimiter(r), marker, null, max);
        ListResult page = list(call, opts, false);
        boolean fetchOwner = "true".equalsIgnoreCase(r.param("fetch-owner"));
        call.xml(200, ListingXml.listObjectsV2(new ListingXml.V2Request(call.bucket(), r.param("prefix"),
                delimiter(r), startAfter, token, max, enc, fetchOwner), page,
                fetchOwner ? owner(call) : null));
    }

    void listVersions(S3Call call) {
        S3Request r = call.request();
        EncodingType enc = EncodingType.parse(r.param("encoding-type"));
        int max = maxKeys(r, "max-keys");
        String keyMarker = r.param("key-marker");
        String versionMarker = r.param("version-id-marker");
        if (versionMarker != null && (keyMarker == null || keyMarker.isEmpty())) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT,
                    "A version-id marker cannot be specified without a key marker.");
        }
        ListOptions opts = new ListOptions(r.param("prefix"), delimiter(r), keyMarker,
                versionMarker == null || versionMarker.isEmpty() ? null : versionMarker, max);
        ListResult page = list(call, opts, true);
        call.xml(200, ListingXml.listVersions(new ListingXml.VersionsRequest(call.bucket(), r.param("prefix"),
                delimiter(r), keyMarker, versionMarker, max, enc), page, owner(call)));
    }

    /** The delimiter; an empty one is no delimiter, and S3 does not echo it. */
    static String delimiter(S3Request r) {
        String d = r.param("delimiter");
        return d == null || d.isEmpty() ? null : d;
    }

    /** Each entry's owner: its version's ACL owner (delete markers: the bucket owner). */
    private static java.util.function.Function<ObjectInfo, Owner> owner(S3Call call) {
        AccessRules.BucketAccess bucket = call.access.bucketAccess(call.bucket());
        return o -> {
            String id = ObjectAcls.of(o, bucket).owner();
            return new Owner(id, id);
        };
    }

    private static ListResult list(S3Call call, ListOptions opts, boolean versions) {
        if (opts.maxKeys() == 0) {
            call.layer.getBucketInfo(call.bucket());
            return new ListResult(List.of(), List.of(), false, null, null);
        }
        return versions ? call.layer.listObjectVersions(call.bucket(), opts) : call.layer.listObjects(call.bucket(), opts);
    }

    static int maxKeys(S3Request r, String param) {
        String v = r.param(param);
        if (v == null) {
            return MAX_KEYS;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Provided " + param + " not an integer or within "
                    + "integer range");
        }
    }
}
