package dev.cairn.storage.api;

import dev.cairn.storage.api.http.Preconditions;
import dev.cairn.storage.api.http.S3Request;
import dev.cairn.storage.object.ObjectInfo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The {@code x-amz-copy-source} header ({@code [/]bucket/key[?versionId=id]}, URL-encoded) and its conditions. */
record CopySource(String bucket, String key, String versionId) {

    static CopySource parse(String header) {
        if (header == null || header.isEmpty()) {
            throw invalid();
        }
        String h = header.startsWith("/") ? header.substring(1) : header;
        String versionId = null;
        int q = h.indexOf("?versionId=");
        if (q >= 0) {
            versionId = decode(h.substring(q + "?versionId=".length()));
            h = h.substring(0, q);
        }
        String decoded = decode(h);
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw invalid();
        }
        return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1),
                versionId == null || versionId.isEmpty() ? null : versionId);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static S3Exception invalid() {
        return new S3Exception(S3Error.INVALID_ARGUMENT, "Copy Source must mention the source bucket and key: "
                + "sourcebucket/sourcekey");
    }

    /** x-amz-copy-source-if-* : any that fails is 412 PreconditionFailed (S3 answers 412 for all four on copy). */
    static void checkPreconditions(S3Request r, ObjectInfo source) {
        Preconditions.Outcome o = Preconditions.evaluate(r.header("x-amz-copy-source-if-match"),
                r.header("x-amz-copy-source-if-none-match"), r.header("x-amz-copy-source-if-modified-since"),
                r.header("x-amz-copy-source-if-unmodified-since"), source.etag(), source.modTime());
        if (o != Preconditions.Outcome.PROCEED) {
            throw new S3Exception(S3Error.PRECONDITION_FAILED,
                    "At least one of the pre-conditions you specified did not hold");
        }
    }
}
