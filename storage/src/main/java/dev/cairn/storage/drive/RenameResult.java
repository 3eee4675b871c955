package dev.cairn.storage.drive;

import java.util.UUID;

/**
 * What {@link Drive#renameData} replaced, so the caller can finish or undo the commit.
 *
 * @param previousMeta the encoded {@code cairn.meta} before the rename, null if the key had none
 * @param orphanDataDir a data directory the new version replaced and no other version uses: delete it once
 *                      the write reached quorum, keep it if the commit is undone; null if none
 */
public record RenameResult(byte[] previousMeta, UUID orphanDataDir) {
}
