package dev.cairn.storage.object;

import java.util.List;

/** One page of ListMultipartUploads, in key order then initiation order. */
public record ListUploadsResult(List<MultipartUpload> uploads, List<String> commonPrefixes, boolean truncated,
                                String nextKeyMarker, String nextUploadIdMarker) {
}
