package dev.cairn.storage.drive;

import dev.cairn.storage.meta.MetaCodec;
import dev.cairn.storage.meta.MetaFormatException;
import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
 * <p>Durability: shard files are synced when their writer closes. Every {@code cairn.meta} change is written
 * to a temporary file and renamed over the old one; where the platform can sync a whole file system (Linux
 * {@code syncfs}), that in-place write is left unsynced and the change is appended to the drive's
 * {@link MetaJournal} instead, whose group commit lets concurrent commits share one sync. Elsewhere the
 * temporary file and the key's directory are synced on every change.
 */
public final class LocalDrive implements Drive {

    private static final String TMP_DIR = "tmp";

    private final Path root;
    /** Null where file systems cannot be synced whole: then every metadata write syncs itself. */
    private final MetaJournal journal;
    private volatile boolean recovered;
    private static final long ONLINE_TRUST_NANOS = 1_000_000_000L;
    private volatile long onlineCheckedAt = System.nanoTime() - ONLINE_TRUST_NANOS;

    public LocalDrive(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.journal = FileSystemSync.get()
                .map(sync -> new MetaJournal(this.root.resolve(SYSTEM_VOLUME).resolve(MetaJournal.DIR), sync))
                .orElse(null);
    }

    /** Whether metadata commits go through the meta journal here (and so can carry a {@link JournalRider}). */
    public boolean hasJournal() {
        return journal != null;
    }

    /**
     * Replays the metadata journal a crash left behind, so that every acknowledged commit is in place. The node
     * calls it before it uses the drive (and before staging is cleaned: a journaled commit may still have to move
     * its data directory out of staging); the first journaled write calls it too. Idempotent.
     */
    public void recover() {
        recover(false);
    }

    /**
     * {@link #recover()}, and with {@code again} even if done before: a drive back from an outage may hold a
     * journal this instance has not read (it was remounted, or restored).
     */
    public void recover(boolean again) {
        if (again) {
            recovered = false;
        }
        if (journal == null || recovered) {
            return;
        }
        synchronized (this) {
            if (recovered) {
                return;
            }
            try {
                journal.replay(this::applyJournaled);
            } catch (IOException | UncheckedIOException e) {
                throw new DriveException(DriveError.FAULTY, "replaying the meta journal of " + root + ": " + e, e);
            }
            recovered = true;
        }
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

    /**
     * A positive answer is trusted for a second: the erasure layer asks several times per request and drive, and
     * the two system calls per question were ~5% of a small PUT's CPU. A drive that goes away meanwhile fails
     * its operations, which the erasure layer handles like any drive error; a negative answer is never cached.
     */
    @Override
    public boolean isOnline() {
        long now = System.nanoTime();
        if (now - onlineCheckedAt < ONLINE_TRUST_NANOS) {
            return true;
        }
        boolean online = Files.isDirectory(root) && Files.isWritable(root);
        if (online) {
            onlineCheckedAt = now;
        }
        return online;
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
        if (force) {
            checkpointJournal(); // no journaled meta may bring back a key of the volume after a crash
        }
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
            return new FileRangeStream(ch, length);
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
            bytes = readMetaBytes(metaFile);
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
            prepareKeyDir(keyDir);
            ObjectMeta old = readMetaOrEmpty(dstVolume, dstPath);
            String dataDir = version.dataDir() == null ? null : version.dataDir().toString();
            if (dataDir != null) {
                Path src = filePath(srcVolume, srcPath).resolve(dataDir);
                Files.move(src, keyDir.resolve(dataDir), StandardCopyOption.ATOMIC_MOVE);
            }
            return commitMeta(new MetaJournal.Entry(MetaJournal.WRITE, dstVolume, dstPath,
                    dataDir == null ? null : srcVolume, dataDir == null ? null : srcPath, dataDir, null),
                    keyDir, old, old.put(version), version);
        } catch (IOException e) {
            throw translate(e, dstVolume + "/" + dstPath);
        }
    }

    @Override
    public RenameResult writeVersion(String volume, String path, ObjectVersion version) {
        statVolume(volume);
        Path keyDir = filePath(volume, path);
        try {
            prepareKeyDir(keyDir);
            ObjectMeta old = readMetaOrEmpty(volume, path);
            return commitMeta(new MetaJournal.Entry(MetaJournal.WRITE, volume, path, null, null, null, null),
                    keyDir, old, old.put(version), version);
        } catch (IOException e) {
            throw translate(e, volume + "/" + path);
        }
    }

    /** {@code change} names the key and the data move; its meta bytes are {@code next}'s. */
    private RenameResult commitMeta(MetaJournal.Entry change, Path keyDir, ObjectMeta old, ObjectMeta next,
                                    ObjectVersion added) throws IOException {
        UUID orphan = old.find(added.versionId()).map(ObjectVersion::dataDir)
                .filter(d -> !d.equals(added.dataDir()) && !next.dataDirInUse(d, null))
                .orElse(null);
        byte[] previous = old.isEmpty() ? null : MetaCodec.encode(old);
        byte[] bytes = MetaCodec.encode(next);
        try (var inPlace = journaled(new MetaJournal.Entry(MetaJournal.WRITE, change.volume(), change.path(),
                change.dataSrcVolume(), change.dataSrcPath(), change.dataDir(), bytes))) {
            writeMetaFile(keyDir, bytes);
        }
        return new RenameResult(previous, orphan);
    }

    @Override
    public void updateMetadata(String volume, String path, ObjectVersion version) {
        ObjectMeta meta = readMeta(volume, path);
        if (meta.find(version.versionId()).isEmpty()) {
            throw new DriveException(DriveError.VERSION_NOT_FOUND, volume + "/" + path + " " + version.versionId());
        }
        try {
            byte[] bytes = MetaCodec.encode(meta.put(version));
            try (var inPlace = journaled(new MetaJournal.Entry(MetaJournal.WRITE, volume, path, null, null, null,
                    bytes))) {
                writeMetaFile(filePath(volume, path), bytes);
            }
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
                try (var inPlace = journaled(new MetaJournal.Entry(MetaJournal.REMOVE, volume, path, null, null,
                        null, null))) {
                    Files.delete(keyDir.resolve(META_FILE));
                }
            } else {
                byte[] bytes = MetaCodec.encode(next);
                try (var inPlace = journaled(new MetaJournal.Entry(MetaJournal.WRITE, volume, path, null, null,
                        null, bytes))) {
                    writeMetaFile(keyDir, bytes);
                }
            }
            if (v.dataDir() != null && !next.dataDirInUse(v.dataDir(), null)) {
                deleteTree(keyDir.resolve(v.dataDir().toString()));
            }
            if (journal == null) {
                syncDir(keyDir);
            }
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
                try (var inPlace = journaled(new MetaJournal.Entry(MetaJournal.REMOVE, volume, path, null, null,
                        null, null))) {
                    Files.deleteIfExists(keyDir.resolve(META_FILE));
                }
                if (journal == null) {
                    syncDir(keyDir);
                }
                pruneEmptyParents(volumePath(volume), keyDir);
            } else {
                try (var inPlace = journaled(new MetaJournal.Entry(MetaJournal.WRITE, volume, path, null, null,
                        null, previousMeta))) {
                    writeMetaFile(keyDir, previousMeta);
                }
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
        replaceFile(target, content);
        syncDir(target.getParent());
    }

    /**
     * A cairn.meta's bytes; read again (a few times) when they are not whole, as when an in-place overwrite was
     * under way. What is still damaged after that is returned as it is, for the decoder to report.
     */
    static byte[] readMetaBytes(Path metaFile) throws IOException {
        byte[] bytes = Files.readAllBytes(metaFile);
        for (int attempt = 0; attempt < 5 && !MetaCodec.intact(bytes); attempt++) {
            Thread.yield(); // an overwrite in flight is one pwrite of a few KiB: let its writer finish
            bytes = Files.readAllBytes(metaFile);
        }
        return bytes;
    }

    /**
     * A key's new {@code cairn.meta}. Without a journal: a synced temporary file renamed over the old one. With
     * one (whose durable record can repair a torn write): overwritten in place, unsynced, because a new file per
     * write made ext4 search its inode bitmaps past recently deleted inodes, which cost ~10x the CPU of the
     * overwrite (measured: ~300 vs ~30 us per write). Readers that catch a write half done see a checksum
     * mismatch and read again ({@link #readMetaBytes}).
     */
    private void writeMetaFile(Path keyDir, byte[] content) throws IOException {
        if (journal == null) {
            atomicWrite(keyDir.resolve(META_FILE), content);
            return;
        }
        try (FileChannel ch = FileChannel.open(keyDir.resolve(META_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            long pos = 0;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            ch.truncate(content.length);
        }
    }

    /** Writes {@code content} to a synced temporary file and renames it over {@code target}, atomically. */
    private void replaceFile(Path target, byte[] content) throws IOException {
        Path tmp = root.resolve(SYSTEM_VOLUME).resolve(TMP_DIR).resolve(UUID.randomUUID() + ".tmp");
        try (FileChannel ch = createNew(tmp)) {
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
    }

    private static FileChannel createNew(Path tmp) throws IOException {
        try {
            return FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            // made on demand, not checked on every write: the check cost a failed mkdir per metadata write
            Files.createDirectories(tmp.getParent());
            return FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /** New key directories must survive a crash before the meta in them counts; replay recreates them. */
    private void prepareKeyDir(Path keyDir) throws IOException {
        if (journal == null) {
            createDirectoriesSynced(keyDir);
        } else if (!Files.isDirectory(keyDir)) {
            Files.createDirectories(keyDir);
        }
    }

    /**
     * Appends a meta change to the journal and waits until it is durable; the caller then makes the change in
     * place and closes the result. Null (nothing to close) without a journal. The record carries the
     * {@link JournalRider} bound on this thread, if any, and the rider counts this drive once it is durable.
     */
    private MetaJournal.Appended journaled(MetaJournal.Entry change) throws IOException {
        if (journal == null) {
            return null;
        }
        recover();
        JournalRider rider = JournalRider.current();
        if (rider == null) {
            return journal.appendDurably(change);
        }
        MetaJournal.Appended appended = journal.appendDurably(change.carrying(rider.bytes()));
        rider.carriedBy(this);
        return appended;
    }

    private void checkpointJournal() {
        if (journal == null) {
            return;
        }
        try {
            recover();
            journal.checkpointNow();
        } catch (IOException e) {
            throw translate(e, "meta journal checkpoint");
        }
    }

    /** Replay: puts one journaled change in place again (unsynced; the replay syncs the file system after). */
    private void applyJournaled(MetaJournal.Entry e) {
        try {
            Path vol = volumePath(e.volume());
            if (!Files.isDirectory(vol)) {
                return; // the bucket was deleted after the record: nothing to bring back
            }
            Path keyDir = filePath(e.volume(), e.path());
            if (e.kind() == MetaJournal.REMOVE) {
                Files.deleteIfExists(keyDir.resolve(META_FILE));
                if (Files.isDirectory(keyDir)) {
                    pruneEmptyParents(vol, keyDir);
                }
                return;
            }
            Files.createDirectories(keyDir);
            if (e.dataDir() != null) {
                Path dst = keyDir.resolve(e.dataDir());
                Path src = filePath(e.dataSrcVolume(), e.dataSrcPath()).resolve(e.dataDir());
                if (!Files.exists(dst) && Files.exists(src)) {
                    Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            writeMetaFile(keyDir, e.meta());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
