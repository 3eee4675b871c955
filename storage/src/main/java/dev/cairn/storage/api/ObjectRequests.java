package dev.cairn.storage.api;

import dev.cairn.storage.api.http.S3Request;
import dev.cairn.storage.object.StorageClass;

import java.util.Base64;
import java.util.HexFormat;

/** Checks and conversions of object request headers shared by PUT, POST, copy and multipart. */
final class ObjectRequests {
    static final long MAX_PUT_SIZE = 5L << 30;

    private ObjectRequests() {
    }

    /**
     * The body's length as the client will send it after decoding: x-amz-decoded-content-length for aws-chunked
     * uploads, else Content-Length; -1 (read to the end) for a body sent with HTTP chunked transfer encoding and no
     * length. Without any of them S3 answers 411 MissingContentLength.
     */
    static long contentLength(S3Request r) {
        String decoded = r.header("x-amz-decoded-content-length");
        String value = decoded != null ? decoded : r.header("Content-Length");
        if (value == null) {
            String te = r.header("Transfer-Encoding");
            if (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                return -1;
            }
            throw new S3Exception(S3Error.MISSING_CONTENT_LENGTH, "You must provide the Content-Length HTTP header.");
        }
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid Content-Length: " + value);
        }
        if (n < 0) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid Content-Length: " + value);
        }
        return n;
    }

    /** Content-MD5 (base64 of 16 bytes) as hex, or null when absent; malformed is InvalidDigest. */
    static String contentMd5Hex(S3Request r) {
        String b64 = r.header("Content-MD5");
        if (b64 == null) {
            return null;
        }
        try {
            byte[] md5 = Base64.getDecoder().decode(b64.trim());
            if (md5.length != 16) {
                throw new IllegalArgumentException("not 16 bytes");
            }
            return HexFormat.of().formatHex(md5);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3Error.INVALID_DIGEST, "The Content-MD5 you specified is not valid.");
        }
    }

    static StorageClass storageClass(S3Request r) {
        String sc = r.header("x-amz-storage-class");
        if (sc == null || sc.isEmpty()) {
            return StorageClass.STANDARD;
        }
        try {
            return StorageClass.valueOf(sc);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3Error.INVALID_STORAGE_CLASS, "The storage class you specified is not valid");
        }
    }

    /** The version id of a request, with "null" meaning the null version; empty is refused as S3 does. */
    static String versionId(S3Request r) {
        String v = r.param("versionId");
        if (v != null && v.isEmpty()) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Version id cannot be the empty string");
        }
        return v;
    }

    /** The body to store: as it is when its length is known, else cut off past {@code max} bytes. */
    static java.io.InputStream bounded(java.io.InputStream body, long size, long max) {
        return size < 0 ? new dev.cairn.storage.api.http.SizeLimitedStream(body, max) : body;
    }

    static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
