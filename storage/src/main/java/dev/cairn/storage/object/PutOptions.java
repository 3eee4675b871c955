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
 */
public record PutOptions(Versioning versioning, Map<String, String> metadata, StorageClass storageClass,
                         String expectedMd5) {

    public PutOptions {
        metadata = Map.copyOf(metadata);
    }

    public static PutOptions defaults() {
        return new PutOptions(Versioning.UNVERSIONED, Map.of(), StorageClass.STANDARD, null);
    }

    public PutOptions withVersioning(Versioning v) {
        return new PutOptions(v, metadata, storageClass, expectedMd5);
    }

    public PutOptions withMetadata(Map<String, String> m) {
        return new PutOptions(versioning, m, storageClass, expectedMd5);
    }
}
