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
}
