package dev.cairn.storage.drive;

import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;

import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * One disk, local or remote. Paths are relative to a volume and use {@code /}; object paths name the key's
 * directory, whose {@code cairn.meta} holds every version of the key.
 *
 * <p>Every method throws {@link DriveException} on failure. Methods that change a key are not atomic
 * across drives: the erasure layer holds the key's lock and decides by quorum. On one drive, every
 * metadata change is atomic (written to a temporary file, synced, renamed over).
 */
public interface Drive {

    String SYSTEM_VOLUME = ".cairn.sys";
    String META_FILE = "cairn.meta";

    /** Where the drive is, for logs and errors (a path, or a peer URL). */
    String endpoint();

    boolean isOnline();

    DriveInfo info();

    // ---- volumes

    void makeVolume(String volume);

    VolumeInfo statVolume(String volume);

    List<VolumeInfo> listVolumes();

    /** Deletes a volume; unless {@code force}, only an empty one ({@link DriveError#VOLUME_NOT_EMPTY}). */
    void deleteVolume(String volume, boolean force);

    // ---- files

    /** Creates (truncating) a file for sequential writing; parent directories are made as needed. */
    ShardWriter createFile(String volume, String path);

    /** A stream of {@code length} bytes from {@code offset}. The caller closes it. */
    InputStream readFileStream(String volume, String path, long offset, long length);

    long fileSize(String volume, String path);

    /** Small files only (formats, configs): the whole content. */
    byte[] readAll(String volume, String path);

    /** Small files only: writes atomically and durably (temporary file, sync, rename, directory sync). */
    void writeAll(String volume, String path, byte[] content);

    /**
     * Moves a file or directory to another path (replacing a file there), atomically, and syncs the
     * destination directory. Parent directories of the destination are made as needed.
     */
    void renameFile(String srcVolume, String srcPath, String dstVolume, String dstPath);

    /** Deletes a file, or a directory with everything under it when {@code recursive}. Missing is fine. */
    void delete(String volume, String path, boolean recursive);

    /** Names in a directory, directories with a trailing {@code /}, sorted. */
    List<String> listDir(String volume, String path);

    // ---- object versions

    /** The key's {@code cairn.meta}; {@link DriveError#FILE_NOT_FOUND} if the key has none. */
    ObjectMeta readMeta(String volume, String path);

    /** One version; {@code versionId} null means the latest. */
    ObjectVersion readVersion(String volume, String path, UUID versionId);

    /**
     * Commits a version: moves {@code srcPath/<dataDir>} (if the version has one) under {@code dstPath} and
     * adds {@code version} to the key's {@code cairn.meta}, replacing a version with the same id. Durable on
     * return. Returns what was replaced so the caller can complete or undo the commit.
     */
    RenameResult renameData(String srcVolume, String srcPath, ObjectVersion version, String dstVolume,
                            String dstPath);

    /** Adds or replaces a version that has no data files (delete markers, metadata-only versions). */
    RenameResult writeVersion(String volume, String path, ObjectVersion version);

    /** Replaces the metadata of an existing version; {@link DriveError#VERSION_NOT_FOUND} if absent. */
    void updateMetadata(String volume, String path, ObjectVersion version);

    /**
     * Removes a version and its data directory (unless another version shares it). The key's directory is
     * removed when its last version goes, and so are parent directories left empty. Missing is an error
     * ({@link DriveError#VERSION_NOT_FOUND} / {@link DriveError#FILE_NOT_FOUND}).
     */
    void deleteVersion(String volume, String path, UUID versionId);

    /**
     * Puts back the {@code cairn.meta} bytes a {@link #renameData} returned (null: remove the key's meta), to
     * undo a commit that did not reach quorum. Data directories of the undone version are the caller's to
     * delete.
     */
    void restoreMeta(String volume, String path, byte[] previousMeta);

    /**
     * Every key that starts with {@code prefix} ("" for the whole volume) whose key sorts after
     * {@code after} (null for all), in S3 key order. Lazy: it reads directories as the iterator advances.
     */
    Iterator<WalkEntry> walk(String volume, String prefix, String after);

    /** Checks that every part file of {@code version} exists with the expected size. */
    void checkParts(String volume, String path, ObjectVersion version, long[] expectedSizes);
}
