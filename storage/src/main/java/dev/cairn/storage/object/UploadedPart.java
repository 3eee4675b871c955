package dev.cairn.storage.object;

import java.time.Instant;

/**
 * A part of a multipart upload as stored: its number, ETag (hex MD5, no quotes), size, upload time, and the
 * checksum the API recorded with it (opaque to storage; null when none).
 */
public record UploadedPart(int partNumber, String etag, long size, Instant lastModified, String checksum) {

    public UploadedPart(int partNumber, String etag, long size, Instant lastModified) {
        this(partNumber, etag, size, lastModified, null);
    }
}
