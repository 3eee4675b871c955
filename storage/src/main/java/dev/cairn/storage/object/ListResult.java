package dev.cairn.storage.object;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param objects        objects (or versions) in key order (versions newest first within a key)
 * @param commonPrefixes prefixes rolled up by the delimiter, in order
 * @param truncated      whether more follows
 * @param nextKeyMarker  the key to continue after when truncated
 * @param nextVersionMarker the version id to continue after (version listings), else null
 */
public record ListResult(List<ObjectInfo> objects, List<String> commonPrefixes, boolean truncated,
                         String nextKeyMarker, String nextVersionMarker) {
}
