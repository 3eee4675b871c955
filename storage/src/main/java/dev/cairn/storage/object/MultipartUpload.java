package dev.cairn.storage.object;

import java.time.Instant;
import java.util.Map;

/** An upload in progress. */
public record MultipartUpload(String bucket, String key, String uploadId, Instant initiated,
                              StorageClass storageClass, Map<String, String> metadata) {
}
