package dev.cairn.storage.object;

/** One entry of a CompleteMultipartUpload request: the part number and the ETag the client got for it. */
public record CompletePart(int partNumber, String etag) {
}
