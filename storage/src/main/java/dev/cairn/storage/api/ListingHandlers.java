package dev.cairn.storage.api;

import dev.cairn.storage.api.http.S3Request;
import dev.cairn.storage.api.xml.Xml;
import dev.cairn.storage.object.ListOptions;
import dev.cairn.storage.object.ListResult;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** ListObjects (v1 and v2) and ListObjectVersions. */
final class ListingHandlers {
    static final int MAX_KEYS = 1000;

    void listObjectsV1(S3Call call) {
        S3Request r = call.request();
        ListOptions opts = new ListOptions(r.param("prefix"), r.param("delimiter"), r.param("marker"), null,
                maxKeys(r, "max-keys"));
        ListResult result = list(call, opts, false);
        call.xml(200, Xml.listObjectsV1(call.bucket(), opts, result, urlEncoding(r), call.owner()));
    }

    void listObjectsV2(S3Call call) {
        S3Request r = call.request();
        String token = r.param("continuation-token");
        String startAfter = r.param("start-after");
        String marker = token != null ? decodeToken(token) : startAfter;
        ListOptions opts = new ListOptions(r.param("prefix"), r.param("delimiter"), marker, null,
                maxKeys(r, "max-keys"));
        ListResult result = list(call, opts, false);
        String next = result.truncated() ? encodeToken(result.nextKeyMarker()) : null;
        boolean fetchOwner = "true".equalsIgnoreCase(r.param("fetch-owner"));
        call.xml(200, Xml.listObjectsV2(call.bucket(), opts, result, urlEncoding(r), token, startAfter, next,
                fetchOwner ? call.owner() : null));
    }

    void listVersions(S3Call call) {
        S3Request r = call.request();
        String keyMarker = r.param("key-marker");
        String versionMarker = r.param("version-id-marker");
        if (versionMarker != null && (keyMarker == null || keyMarker.isEmpty())) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT,
                    "A version-id marker cannot be specified without a key marker.");
        }
        ListOptions opts = new ListOptions(r.param("prefix"), r.param("delimiter"), keyMarker,
                versionMarker == null || versionMarker.isEmpty() ? null : versionMarker, maxKeys(r, "max-keys"));
        ListResult result = list(call, opts, true);
        call.xml(200, Xml.listVersions(call.bucket(), opts, result, urlEncoding(r), call.owner()));
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

    static boolean urlEncoding(S3Request r) {
        String e = r.param("encoding-type");
        if (e == null) {
            return false;
        }
        if (!e.equalsIgnoreCase("url")) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid Encoding Method specified in Request");
        }
        return true;
    }

    /** The v2 continuation token: the last key returned, base64url, opaque to clients. */
    static String encodeToken(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "The continuation token provided is incorrect");
        }
    }
}
