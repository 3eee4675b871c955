package dev.cairn.storage.api;

import dev.cairn.identity.sigv4.ChunkedPayloadStream;
import dev.cairn.storage.api.checksum.ChecksumAlgorithm;
import dev.cairn.storage.api.checksum.ChecksumInputStream;
import dev.cairn.storage.object.ObjectInfo;

import java.io.InputStream;
import java.util.Map;

/**
 * Flexible checksums of single-part uploads: the value comes in an {@code x-amz-checksum-*} header or in an
 * aws-chunked trailer announced by {@code x-amz-trailer}; the body is checked against it while it streams
 * (BadDigest before anything is committed) and the value is stored with the object, then returned by GET/HEAD
 * with {@code x-amz-checksum-mode: ENABLED}.
 */
final class ChecksumRequests {
    static final String TYPE_KEY = "x-amz-checksum-type";

    private ChecksumRequests() {
    }

    /** The body to store, checking the client's checksum when it sent one; null when it sent none. */
    static ChecksumInputStream wrap(S3Call call, InputStream body, long size) {
        ChecksumAlgorithm fromHeader = null;
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            if (call.request().header(a.headerName()) != null) {
                if (fromHeader != null) {
                    throw new S3Exception(S3Error.INVALID_REQUEST, "Expecting a single x-amz-checksum- header. "
                            + "Multiple checksum Types are not allowed.");
                }
                fromHeader = a;
            }
        }
        if (fromHeader != null) {
            return ChecksumInputStream.verifying(body, fromHeader, size, call.request().header(fromHeader.headerName()));
        }
        String trailer = call.request().header("x-amz-trailer");
        if (trailer != null) {
            ChecksumAlgorithm a = ChecksumAlgorithm.fromHeaderName(trailer.trim());
            if (a == null) {
                throw new S3Exception(S3Error.INVALID_REQUEST, "The value specified in the x-amz-trailer header is "
                        + "not supported");
            }
            InputStream raw = call.body();
            return ChecksumInputStream.verifyingTrailer(body, a, size, () -> raw instanceof ChunkedPayloadStream c
                    ? c.trailers().get(a.headerName()) : null);
        }
        String sdkAlgorithm = call.request().header("x-amz-sdk-checksum-algorithm");
        if (sdkAlgorithm != null) {
            return ChecksumInputStream.computing(body, ChecksumAlgorithm.parse(sdkAlgorithm), size);
        }
        return null;
    }

    /**
     * Metadata entries recording a verified checksum. An empty body is never read by the store, so its check
     * (and digest) is forced here, before the commit.
     */
    static void store(ChecksumInputStream checked, Map<String, String> metadata) {
        if (checked != null) {
            if (checked.digest() == null) {
                try {
                    checked.read(new byte[1], 0, 1);
                } catch (java.io.IOException e) {
                    throw new S3Exception(S3Error.INCOMPLETE_BODY, "reading the body failed: " + e.getMessage());
                }
            }
            metadata.put(checked.algorithm().headerName(), checked.digestBase64());
            metadata.put(TYPE_KEY, "FULL_OBJECT");
        }
    }

    /** The stored checksum headers of an object (for PUT responses, and GET/HEAD with checksum mode). */
    static void toResponse(ObjectInfo info, S3Call call) {
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String v = info.metadata().get(a.headerName());
            if (v != null) {
                call.header(a.headerName(), v).header(TYPE_KEY, info.metadata().get(TYPE_KEY));
            }
        }
    }
}
