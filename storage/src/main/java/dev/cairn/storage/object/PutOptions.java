package dev.cairn.storage.object;

import java.util.Map;

/**
 * Options of one object write.
 *
 * @param versioning   the bucket's versioning state
 * @param metadata     what is stored with the version and returned on reads: content-type and the other
 *                     standard headers, x-amz-meta-* user metadata, tags
 * @param storageClass decides the parity
 * @param expectedMd5  hex MD5 the body must have (from Content-MD5), or null; a mismatch stores nothing
 * @param afterBody    metadata known only once the whole body has been read (a checksum the body stream
 *                     computed), added before the commit; null for none
 * @param condition    what the key's current version must satisfy at the commit (If-Match/If-None-Match), or null
 */
public record PutOptions(Versioning versioning, Map<String, String> metadata, StorageClass storageClass,
                         String expectedMd5, java.util.function.Supplier<Map<String, String>> afterBody,
                         WriteCondition condition) {

    public PutOptions {
        metadata = Map.copyOf(metadata);
    }

    public PutOptions(Versioning versioning, Map<String, String> metadata, StorageClass storageClass,
                      String expectedMd5) {
        this(versioning, metadata, storageClass, expectedMd5, null, null);
    }

    public PutOptions withAfterBody(java.util.function.Supplier<Map<String, String>> supplier) {
        return new PutOptions(versioning, metadata, storageClass, expectedMd5, supplier, condition);
    }

    public PutOptions withCondition(WriteCondition c) {
        return new PutOptions(versioning, metadata, storageClass, expectedMd5, afterBody, c);
    }

    public static PutOptions defaults() {
        return new PutOptions(Versioning.UNVERSIONED, Map.of(), StorageClass.STANDARD, null);
    }

    public PutOptions withVersioning(Versioning v) {
        return new PutOptions(v, metadata, storageClass, expectedMd5, afterBody, condition);
    }

    public PutOptions withMetadata(Map<String, String> m) {
        return new PutOptions(versioning, m, storageClass, expectedMd5, afterBody, condition);
    }
}
