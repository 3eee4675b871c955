package dev.cairn.storage.object;

import java.time.Instant;

/** A part of a multipart upload as stored: its number, ETag (hex MD5, no quotes), size and upload time. */
public record UploadedPart(int partNumber, String etag, long size, Instant lastModified) {
}
