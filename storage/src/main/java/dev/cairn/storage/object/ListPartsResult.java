package dev.cairn.storage.object;

import java.util.List;

/** One page of ListParts; {@code nextPartNumberMarker} continues it when truncated. */
public record ListPartsResult(MultipartUpload upload, List<UploadedPart> parts, boolean truncated,
                              int nextPartNumberMarker) {
}
