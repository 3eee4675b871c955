package dev.cairn.storage.object;

import java.util.List;
import java.util.Map;

/**
 * What the API adds when an upload is completed, from what only the store knows then: given the upload's metadata
 * and the parts chosen (in order, with the checksums recorded with them), the metadata entries to add to the object.
 * It runs before the commit; throwing refuses the completion and leaves the upload as it was.
 */
@FunctionalInterface
public interface UploadCompletion {

    Map<String, String> metadata(Map<String, String> uploadMetadata, List<UploadedPart> parts);

    /** What the key's current version must satisfy when the upload completes (If-Match/If-None-Match); none here. */
    default WriteCondition condition() {
        return null;
    }

    /** This completion, committed only if {@code condition} holds at the commit (null: unconditionally). */
    default UploadCompletion onlyIf(WriteCondition condition) {
        UploadCompletion self = this;
        return new UploadCompletion() {
            @Override
            public Map<String, String> metadata(Map<String, String> uploadMetadata, List<UploadedPart> parts) {
                return self.metadata(uploadMetadata, parts);
            }

            @Override
            public WriteCondition condition() {
                return condition;
            }
        };
    }
}
