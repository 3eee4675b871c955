package dev.cairn.storage.drive;

import dev.cairn.storage.meta.MetaCodec;
import dev.cairn.storage.meta.MetaFormatException;
import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A drive on a local directory: the only class that touches {@code java.nio.file}.
 *
 * <p>Durability: shard files are synced when their writer closes; every {@code cairn.meta} change is written
 * to a temporary file, synced, renamed over the old one, and the key's directory is synced after.
 */
public final class LocalDrive implements Drive {

    private static final String TMP_DIR = "tmp";

    private final Path root;

    public LocalDrive(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * A drive on {@code path}, creating the directory if it does not exist yet (as a first start does).
     * Fails with {@link DriveError#DRIVE_OFFLINE} when it cannot be created or is not a directory.
     */
    public static LocalDrive open(String path) {
        Path root = Path.of(path);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new DriveException(DriveError.DRIVE_OFFLINE, path + ": " + e.getMessage(), e);
        }
        return new LocalDrive(root);
    }

    /** A drive on {@code path} as it is (it may not exist yet, or be gone: then it is offline). */
    public static LocalDrive at(String path) {
        return new LocalDrive(Path.of(path));
    }

    /** Whether the drive holds nothing but (possibly) Cairn's system volume. */
    public boolean isBlank() {
        try (Stream<Path> s = Files.list(root)) {
            return s.allMatch(p -> p.getFileName().toString().equals(SYSTEM_VOLUME));
        } catch (IOException e) {
            throw translate(e, "list " + root);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public String endpoint() {
        return root.toString();
    }

    @Override
    public boolean isOnline() {
        return Files.isDirectory(root) && Files.isWritable(root);
    }

    @Override
    public DriveInfo info() {
        try {
            FileStore store = Files.getFileStore(root);
            return new DriveInfo(endpoint(), store.getTotalSpace(), store.getUsableSpace(), isOnline());
        } catch (IOException e) {
            throw translate(e, "info");
        }
    }

    // ---- volumes

    @Override
    public void makeVolume(String volume) {
        Path dir = volumePath(volume);
        checkRoot();
        try {
            Files.createDirectory(dir);
            syncDir(root);
        } catch (FileAlreadyExistsException e) {
            throw new DriveException(DriveError.VOLUME_EXISTS, volume);
        } catch (IOException e) {
            throw translate(e, volume);
        }
    }

    @Override
    public VolumeInfo statVolume(String volume) {
        checkRoot();
        try {
            BasicFileAttributes a = Files.readAttributes(volumePath(volume), BasicFileAttributes.class);
            if (!a.isDirectory()) {
                throw new DriveException(DriveError.VOLUME_NOT_FOUND, volume);
            }
            return new VolumeInfo(volume, a.creationTime().toMillis());
        } catch (NoSuchFileException e) {
            throw new DriveException(DriveError.VOLUME_NOT_FOUND, volume);
        } catch (IOException e) {
            throw translate(e, volume);
        }
    }

    @Override
    public List<VolumeInfo> listVolumes() {
        checkRoot();
        List<VolumeInfo> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.equals(SYSTEM_VOLUME) && Files.isDirectory(p)) {
                    out.add(new VolumeInfo(name, Files.readAttributes(p, BasicFileAttributes.class)
                            .creationTime().toMillis()));
                }
            }
        } catch (IOException e) {
            throw translate(e, "list volumes");
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    @Override
    public void deleteVolume(String volume, boolean force) {
        Path dir = volumePath(volume);
        statVolume(volume);
        try {
            if (force) {
                deleteTree(dir);
            } else {
                Files.delete(dir);
            }
            syncDir(root);
        } catch (DirectoryNotEmptyException e) {
            throw new DriveException(DriveError.VOLUME_NOT_EMPTY, volume);
        } catch (IOException e) {
            throw translate(e, volume);
        }
    }

    // ---- files

    @Override
    public ShardWriter createFile(String volume, String path) {
        Path file = filePath(volume, path);
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return new FileShardWriter(ch, file);
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    @Override
    public InputStream readFileStream(String volume, String path, long offset, long length) {
        Path file = filePath(volume, path);
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            if (ch.size() < offset + length) {
                ch.close();
                throw new DriveException(DriveError.CORRUPT, volume + "/" + path + " is shorter than "
                        + (offset + length));
            }
            ch.position(offset);
            return new BoundedInputStream(Channels.newInputStream(ch), length);
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    @Override
    public long fileSize(String volume, String path) {
        try {
            return Files.size(filePath(volume, path));
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    @Override
    public byte[] readAll(String volume, String path) {
        try {
            return Files.readAllBytes(filePath(volume, path));
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    @Override
    public void writeAll(String volume, String path, byte[] content) {
        Path file = filePath(volume, path);
        try {
            Files.createDirectories(file.getParent());
            atomicWrite(file, content);
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    @Override
    public void renameFile(String srcVolume, String srcPath, String dstVolume, String dstPath) {
        Path src = filePath(srcVolume, srcPath);
        Path dst = filePath(dstVolume, dstPath);
        try {
            createDirectoriesSynced(dst.getParent());
            Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDir(dst.getParent());
        } catch (IOException e) {
            throw translate(e, srcVolume + "/" + srcPath + " -> " + dstVolume + "/" + dstPath);
        }
    }

    @Override
    public void delete(String volume, String path, boolean recursive) {
        Path p = filePath(volume, path);
        try {
            if (recursive) {
                deleteTree(p);
            } else {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    @Override
    public List<String> listDir(String volume, String path) {
        Path dir = path.isEmpty() ? volumePath(volume) : filePath(volume, path);
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                names.add(p.getFileName().toString() + (Files.isDirectory(p) ? "/" : ""));
            }
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
        names.sort(KeyPaths::compareKeys);
        return names;
    }

    // ---- object versions

    @Override
    public ObjectMeta readMeta(String volume, String path) {
        Path metaFile = filePath(volume, path).resolve(META_FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(metaFile);
        } catch (NoSuchFileException | NotDirectoryException e) {
            statVolume(volume);
            throw new DriveException(DriveError.FILE_NOT_FOUND, volume + "/" + path);
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
        try {
            return MetaCodec.decode(bytes);
        } catch (MetaFormatException e) {
            throw new DriveException(DriveError.CORRUPT, volume + "/" + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ObjectVersion readVersion(String volume, String path, UUID versionId) {
        ObjectMeta meta = readMeta(volume, path);
        var found = versionId == null ? meta.latest() : meta.find(versionId);
        return found.orElseThrow(() -> new DriveException(DriveError.VERSION_NOT_FOUND,
                volume + "/" + path + " version " + versionId));
    }

    @Override
    public RenameResult renameData(String srcVolume, String srcPath, ObjectVersion version, String dstVolume,
                                   String dstPath) {
        statVolume(dstVolume);
        Path keyDir = filePath(dstVolume, dstPath);
        try {
            createDirectoriesSynced(keyDir);
            ObjectMeta old = readMetaOrEmpty(dstVolume, dstPath);
            if (version.dataDir() != null) {
                Path src = filePath(srcVolume, srcPath).resolve(version.dataDir().toString());
                Files.move(src, keyDir.resolve(version.dataDir().toString()), StandardCopyOption.ATOMIC_MOVE);
            }
            return commitMeta(keyDir, old, old.put(version), version);
        } catch (IOException e) {
            throw translate(e, dstVolume + "/" + dstPath);
        }
    }

    @Override
    public RenameResult writeVersion(String volume, String path, ObjectVersion version) {
        statVolume(volume);
        Path keyDir = filePath(volume, path);
        try {
            createDirectoriesSynced(keyDir);
            ObjectMeta old = readMetaOrEmpty(volume, path);
            return commitMeta(keyDir, old, old.put(version), version);
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    private RenameResult commitMeta(Path keyDir, ObjectMeta old, ObjectMeta next, ObjectVersion added)
            throws IOException {
        UUID orphan = old.find(added.versionId()).map(ObjectVersion::dataDir)
                .filter(d -> !d.equals(added.dataDir()) && !next.dataDirInUse(d, null))
                .orElse(null);
        byte[] previous = old.isEmpty() ? null : MetaCodec.encode(old);
        atomicWrite(keyDir.resolve(META_FILE), MetaCodec.encode(next));
        return new RenameResult(previous, orphan);
    }

    @Override
    public void updateMetadata(String volume, String path, ObjectVersion version) {
        ObjectMeta meta = readMeta(volume, path);
        if (meta.find(version.versionId()).isEmpty()) {
            throw new DriveException(DriveError.VERSION_NOT_FOUND, volume + "/" + path + " " + version.versionId());
        }
        try {
            atomicWrite(filePath(volume, path).resolve(META_FILE), MetaCodec.encode(meta.put(version)));
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    @Override
    public void deleteVersion(String volume, String path, UUID versionId) {
        ObjectMeta meta = readMeta(volume, path);
        ObjectVersion v = meta.find(versionId).orElseThrow(() -> new DriveException(DriveError.VERSION_NOT_FOUND,
                volume + "/" + path + " " + versionId));
        ObjectMeta next = meta.remove(versionId);
        Path keyDir = filePath(volume, path);
        try {
            if (next.isEmpty()) {
                Files.delete(keyDir.resolve(META_FILE));
            } else {
                atomicWrite(keyDir.resolve(META_FILE), MetaCodec.encode(next));
            }
            if (v.dataDir() != null && !next.dataDirInUse(v.dataDir(), null)) {
                deleteTree(keyDir.resolve(v.dataDir().toString()));
            }
            syncDir(keyDir);
            pruneEmptyParents(volumePath(volume), keyDir);
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    @Override
    public void restoreMeta(String volume, String path, byte[] previousMeta) {
        Path keyDir = filePath(volume, path);
        try {
            if (previousMeta == null) {
                Files.deleteIfExists(keyDir.resolve(META_FILE));
                syncDir(keyDir);
                pruneEmptyParents(volumePath(volume), keyDir);
            } else {
                atomicWrite(keyDir.resolve(META_FILE), previousMeta);
            }
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    @Override
    public Iterator<WalkEntry> walk(String volume, String prefix, String after) {
        statVolume(volume);
        return new TreeWalker(volumePath(volume), prefix, after);
    }

    @Override
    public void checkParts(String volume, String path, ObjectVersion version, long[] expectedSizes) {
        if (version.dataDir() == null) {
            return;
        }
        Path dataDir = filePath(volume, path).resolve(version.dataDir().toString());
        for (int i = 0; i < version.parts().size(); i++) {
            Path part = dataDir.resolve("part." + version.parts().get(i).number());
            try {
                long size = Files.size(part);
                if (size != expectedSizes[i]) {
                    throw new DriveException(DriveError.CORRUPT, part + " has " + size + " bytes, expected "
                            + expectedSizes[i]);
                }
            } catch (IOException e) {
                throw translate(e, part.toString());
            }
        }
    }

    // ---- helpers

    private ObjectMeta readMetaOrEmpty(String volume, String path) {
        try {
            return readMeta(volume, path);
        } catch (DriveException e) {
            if (e.error() == DriveError.FILE_NOT_FOUND) {
                return ObjectMeta.EMPTY;
            }
            throw e;
        }
    }

    private void checkRoot() {
        if (!Files.isDirectory(root)) {
            throw new DriveException(DriveError.DRIVE_OFFLINE, root + " is not a directory");
        }
    }

    private Path volumePath(String volume) {
        if (volume.isEmpty() || volume.contains("/") || volume.equals(".") || volume.equals("..")
                || volume.indexOf('\0') >= 0) {
            throw new DriveException(DriveError.INVALID_PATH, "volume " + volume);
        }
        return root.resolve(volume);
    }

    /** Resolves a relative path inside a volume, refusing anything that could step out of it. */
    Path filePath(String volume, String path) {
        Path vol = volumePath(volume);
        if (path.isEmpty()) {
            return vol;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
                throw new DriveException(DriveError.INVALID_PATH, volume + "/" + path);
            }
        }
        return vol.resolve(path);
    }

    private void atomicWrite(Path target, byte[] content) throws IOException {
        Path tmpDir = root.resolve(SYSTEM_VOLUME).resolve(TMP_DIR);
        Files.createDirectories(tmpDir);
        Path tmp = tmpDir.resolve(UUID.randomUUID() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDir(target.getParent());
    }

    private void createDirectoriesSynced(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(dir);
        // the new directory entries must survive a crash before the meta inside them counts as written
        for (Path p = dir.getParent(); p != null && existing != null && p.startsWith(existing); p = p.getParent()) {
            syncDir(p);
        }
    }

    private void pruneEmptyParents(Path volumeDir, Path dir) throws IOException {
        for (Path p = dir; p != null && !p.equals(volumeDir) && p.startsWith(volumeDir); p = p.getParent()) {
            try {
                Files.delete(p);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }

    static void syncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(p)) {
                for (Path c : (Iterable<Path>) s::iterator) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    static DriveException translate(IOException e, String what) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return new DriveException(DriveError.FILE_NOT_FOUND, what, e);
        }
        if (e instanceof AccessDeniedException) {
            return new DriveException(DriveError.FAULTY, "access denied: " + what, e);
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("No space left")) {
            return new DriveException(DriveError.DISK_FULL, what, e);
        }
        return new DriveException(DriveError.FAULTY, what + ": " + e, e);
    }

    /** Syncs on close; a failed write leaves the channel for {@link #abort()}. */
    private static final class FileShardWriter implements ShardWriter {
        private final FileChannel ch;
        private final Path file;

        FileShardWriter(FileChannel ch, Path file) {
            this.ch = ch;
            this.file = file;
        }

        @Override
        public void write(ByteBuffer buf) {
            try {
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            } catch (IOException e) {
                throw translate(e, file.toString());
            }
        }

        @Override
        public void close() {
            try (ch) {
                ch.force(false);
            } catch (IOException e) {
                throw translate(e, file.toString());
            }
        }

        @Override
        public void abort() {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the caller deletes the file; nothing to keep
            }
        }
    }
}
