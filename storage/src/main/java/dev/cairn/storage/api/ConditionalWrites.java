package dev.cairn.storage.api;

import dev.cairn.storage.api.http.Preconditions;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;

/**
 * If-None-Match and If-Match on writes (PutObject, CompleteMultipartUpload), as HTTP defines them against the key's
 * current version: If-None-Match ({@code *} or entity tags) fails with 412 when the current version matches;
 * If-Match fails with 404 NoSuchKey when there is no current version and 412 when it does not match.
 *
 * <p>The check reads the current version before the write: a write that lands between the check and this one's
 * commit is not seen (the ObjectLayer has no compare-and-swap yet), so two racing conditional creates may both
 * succeed.
 */
final class ConditionalWrites {
    private ConditionalWrites() {
    }

    static void check(S3Call call) {
        String ifNoneMatch = call.request().header("If-None-Match");
        String ifMatch = call.request().header("If-Match");
        if (ifNoneMatch == null && ifMatch == null) {
            return;
        }
        ObjectInfo current;
        try {
            current = call.layer.getObjectInfo(call.bucket(), call.key(), null);
        } catch (ObjectException e) {
            if (e.error() != ObjectError.OBJECT_NOT_FOUND) {
                throw e;
            }
            current = null;
        }
        if (ifNoneMatch != null && current != null && Preconditions.etagMatches(ifNoneMatch, current.etag())) {
            throw failed();
        }
        if (ifMatch != null) {
            if (current == null) {
                throw new S3Exception(S3Error.NO_SUCH_KEY, "The specified key does not exist.");
            }
            if (!Preconditions.etagMatches(ifMatch, current.etag())) {
                throw failed();
            }
        }
    }

    private static S3Exception failed() {
        return new S3Exception(S3Error.PRECONDITION_FAILED,
                "At least one of the pre-conditions you specified did not hold");
    }
}
