package dev.cairn.storage.drive;

import dev.cairn.storage.meta.MetaCodec;
import dev.cairn.storage.meta.MetaFormatException;
import dev.cairn.storage.meta.ObjectVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Walks one volume of a {@link LocalDrive} in S3 key order, lazily, one directory listing at a time.
 *
 * <p>A directory {@code d} stands for two things that sort apart: the object {@code d} itself (when it holds a
 * {@code cairn.meta}) and the keys under {@code d/}. Keys order by UTF-8 bytes, so {@code a} &lt; {@code a-b}
 * &lt; {@code a/b}: each directory therefore yields two entries, sorted by those names. Data directories of a
 * version (named in its meta) and folder-object directories are never descended into.
 */
final class TreeWalker implements Iterator<WalkEntry> {

    private record Entry(String sortKey, String relPath, boolean descend) {
    }

    private final Path volumeDir;
    private final String after;
    private final Deque<Iterator<Entry>> stack = new ArrayDeque<>();
    private WalkEntry next;

    TreeWalker(Path volumeDir, String prefix, String after) {
        this.volumeDir = volumeDir;
        this.after = after;
        int slash = prefix.lastIndexOf('/');
        String baseDir = slash < 0 ? "" : prefix.substring(0, slash + 1);
        String namePrefix = prefix.substring(baseDir.length());
        Path dir = baseDir.isEmpty() ? volumeDir : volumeDir.resolve(baseDir);
        if (baseDir.isEmpty() || KeyPaths.isValidKey(baseDir) && Files.isDirectory(dir)) {
            stack.push(list(baseDir, namePrefix).iterator());
        }
        if (!baseDir.isEmpty() && namePrefix.isEmpty() && KeyPaths.isValidKey(baseDir)) {
            // the folder object named by the prefix itself lives beside its directory, not in it
            String folder = KeyPaths.toPath(baseDir);
            if (Files.exists(volumeDir.resolve(folder).resolve(Drive.META_FILE))
                    && (after == null || KeyPaths.compareKeys(baseDir, after) > 0)) {
                stack.push(List.of(new Entry(baseDir, folder, false)).iterator());
            }
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null && !stack.isEmpty()) {
            Iterator<Entry> top = stack.peek();
            if (!top.hasNext()) {
                stack.pop();
                continue;
            }
            Entry e = top.next();
            if (e.descend) {
                stack.push(list(e.relPath, "").iterator());
            } else {
                next = readEntry(e);
            }
        }
        return next != null;
    }

    @Override
    public WalkEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        WalkEntry e = next;
        next = null;
        return e;
    }

    private WalkEntry readEntry(Entry e) {
        try {
            return new WalkEntry(e.sortKey, LocalDrive.readMetaBytes(volumeDir.resolve(e.relPath).resolve(Drive.META_FILE)));
        } catch (NoSuchFileException gone) {
            return null; // deleted since listed
        } catch (IOException io) {
            throw LocalDrive.translate(io, e.relPath);
        }
    }

    /** Entries of directory {@code rel} (ends with '/' or is empty) whose names start with {@code namePrefix}. */
    private List<Entry> list(String rel, String namePrefix) {
        Path dir = rel.isEmpty() ? volumeDir : volumeDir.resolve(rel);
        Set<String> dataDirs = dataDirsOf(dir);
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path child : (Iterable<Path>) s::iterator) {
                String name = child.getFileName().toString();
                if (!name.startsWith(namePrefix) || dataDirs.contains(name) || !Files.isDirectory(child)) {
                    continue;
                }
                String relPath = rel + name;
                if (Files.exists(child.resolve(Drive.META_FILE))) {
                    String key = KeyPaths.toKey(relPath);
                    if (after == null || KeyPaths.compareKeys(key, after) > 0) {
                        entries.add(new Entry(key, relPath, false));
                    }
                }
                if (!name.endsWith(KeyPaths.FOLDER_SUFFIX) && KeyPaths.isValidSegment(name)) {
                    String under = relPath + "/";
                    if (after == null || KeyPaths.compareKeys(after, under) < 0 || after.startsWith(under)) {
                        entries.add(new Entry(under, under, true));
                    }
                }
            }
        } catch (NoSuchFileException gone) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a folder object "a/" and the keys under "a/" share a sort key; the object comes first
        entries.sort((a, b) -> {
            int c = KeyPaths.compareKeys(a.sortKey, b.sortKey);
            return c != 0 ? c : Boolean.compare(a.descend, b.descend);
        });
        return entries;
    }

    private static Set<String> dataDirsOf(Path dir) {
        Path meta = dir.resolve(Drive.META_FILE);
        if (!Files.exists(meta)) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        try {
            for (ObjectVersion v : MetaCodec.decode(LocalDrive.readMetaBytes(meta)).versions()) {
                if (v.dataDir() != null) {
                    out.add(v.dataDir().toString());
                }
            }
        } catch (IOException | MetaFormatException e) {
            // unreadable meta: fall back to descending everything; data dirs hold no cairn.meta, so they add no keys
        }
        return out;
    }
}
