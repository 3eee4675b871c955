package dev.cairn.storage.object;

/**
 * Outcome of a delete.
 *
 * @param versionId    the version removed, or the id of the delete marker created
 * @param deleteMarker true when the delete created a delete marker (or removed one, for a versioned delete
 *                     of a marker)
 */
public record DeleteResult(String versionId, boolean deleteMarker) {
}
