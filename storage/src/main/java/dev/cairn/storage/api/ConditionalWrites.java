package dev.cairn.storage.api;

import dev.cairn.storage.api.http.Preconditions;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.WriteCondition;

/**
 * If-None-Match and If-Match on writes (PutObject, CompleteMultipartUpload), as HTTP defines them against the key's
 * current version: If-None-Match ({@code *} or entity tags) fails with 412 when the current version matches;
 * If-Match fails with 404 NoSuchKey when there is no current version and 412 when it does not match.
 *
 * <p>Checked twice: once before the body is read, so a write that is bound to fail fails before it uploads
 * anything; and, authoritatively, by the erasure layer at the commit under the key's write lock (a
 * {@link WriteCondition} in the write's options), so that of two racing conditional creates only one succeeds.
 */
final class ConditionalWrites {
    private ConditionalWrites() {
    }

    /** Checks the request's conditions now and returns them for the commit; null when the request has none. */
    static WriteCondition check(S3Call call) {
        WriteCondition condition = of(call.request().header("If-None-Match"), call.request().header("If-Match"),
                call.bucket() + "/" + call.key());
        if (condition == null) {
            return null;
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
        condition.check(current);
        return condition;
    }

    static WriteCondition of(String ifNoneMatch, String ifMatch, String object) {
        if (ifNoneMatch == null && ifMatch == null) {
            return null;
        }
        return current -> {
            if (ifNoneMatch != null && current != null && Preconditions.etagMatches(ifNoneMatch, current.etag())) {
                throw new ObjectException(ObjectError.PRECONDITION_FAILED, object + " matches If-None-Match");
            }
            if (ifMatch != null) {
                if (current == null) {
                    throw new ObjectException(ObjectError.OBJECT_NOT_FOUND, object + " has no current version");
                }
                if (!Preconditions.etagMatches(ifMatch, current.etag())) {
                    throw new ObjectException(ObjectError.PRECONDITION_FAILED, object + " does not match If-Match");
                }
            }
        };
    }
}
