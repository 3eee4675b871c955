package dev.cairn.storage.object;

import java.time.Instant;
import java.util.Map;

/** An upload in progress. */
public record MultipartUpload(String bucket, String key, String uploadId, Instant initiated,
                              StorageClass storageClass, Map<String, String> metadata) {

    /**
     * Metadata an upload is started with under this prefix belongs to the upload alone (who started it, for
     * instance): ListParts and ListMultipartUploads see it, the completed object does not inherit it.
     */
    public static final String UPLOAD_ONLY_PREFIX = "x-cairn-upload-";
}
