package dev.cairn.storage.meta;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One version of a key as one drive records it.
 *
 * @param versionId  the version id; {@link #NULL_VERSION} for the "null" version of unversioned or suspended
 *                   buckets
 * @param type       object or delete marker
 * @param modTime    modification time, nanoseconds since the epoch; orders the versions of a key
 * @param dataDir    directory under the key holding this version's part files; null for delete markers and
 *                   for objects whose data is inline
 * @param size       the object's size as the client sent it (0 for delete markers)
 * @param erasure    the erasure coding, null for delete markers
 * @param parts      the parts, in part-number order; empty for delete markers
 * @param metadata   system and user metadata (content-type, etag, x-amz-meta-*, ...), sorted by name
 * @param inlineData this drive's bitrot-framed shard of the whole object when small enough to live in the
 *                   meta file; null otherwise
 */
public record ObjectVersion(UUID versionId, VersionType type, long modTime, UUID dataDir, long size,
                            ErasureInfo erasure, List<PartInfo> parts, SortedMap<String, String> metadata,
                            byte[] inlineData) {

    public static final UUID NULL_VERSION = new UUID(0, 0);

    public ObjectVersion {
        if (versionId == null || type == null) {
            throw new IllegalArgumentException("version id and type are required");
        }
        if (type == VersionType.OBJECT && erasure == null) {
            throw new IllegalArgumentException("an object version needs erasure info");
        }
        parts = List.copyOf(parts);
        metadata = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
    }

    public static ObjectVersion deleteMarker(UUID versionId, long modTime, Map<String, String> metadata) {
        return new ObjectVersion(versionId, VersionType.DELETE_MARKER, modTime, null, 0, null, List.of(),
                new TreeMap<>(metadata), null);
    }

    public boolean isDeleteMarker() {
        return type == VersionType.DELETE_MARKER;
    }

    public boolean isInline() {
        return inlineData != null;
    }

    public boolean isNullVersion() {
        return NULL_VERSION.equals(versionId);
    }

    public ObjectVersion withErasureIndex(int shardIndex, byte[] inline) {
        return new ObjectVersion(versionId, type, modTime, dataDir, size,
                erasure == null ? null : erasure.forIndex(shardIndex), parts, metadata, inline);
    }

    public ObjectVersion withMetadata(Map<String, String> newMetadata) {
        return new ObjectVersion(versionId, type, modTime, dataDir, size, erasure, parts,
                new TreeMap<>(newMetadata), inlineData);
    }

    /**
     * True when two drives describe the same version: everything but the per-drive shard index and inline
     * bytes agrees. Quorum decisions group drives by this.
     */
    public boolean sameVersionAs(ObjectVersion o) {
        return versionId.equals(o.versionId) && type == o.type && modTime == o.modTime
                && java.util.Objects.equals(dataDir, o.dataDir) && size == o.size && parts.equals(o.parts)
                && metadata.equals(o.metadata)
                && (erasure == null ? o.erasure == null : o.erasure != null
                        && erasure.forIndex(0).equals(o.erasure.forIndex(0)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectVersion v && sameVersionAs(v)
                && java.util.Objects.equals(erasure, v.erasure) && java.util.Arrays.equals(inlineData, v.inlineData);
    }

    @Override
    public int hashCode() {
        return versionId.hashCode() * 31 + Long.hashCode(modTime);
    }

    @Override
    public String toString() {
        return "ObjectVersion[" + versionId + " " + type + " mtime=" + modTime + " size=" + size + " dataDir="
                + dataDir + (inlineData != null ? " inline" : "") + "]";
    }
}
