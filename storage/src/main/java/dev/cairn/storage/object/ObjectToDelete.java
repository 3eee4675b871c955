package dev.cairn.storage.object;

/** One entry of a batch delete: a key and optionally a version. */
public record ObjectToDelete(String key, String versionId) {
}
