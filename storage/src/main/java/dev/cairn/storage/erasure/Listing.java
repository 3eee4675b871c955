package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.KeyPaths;
import dev.cairn.storage.meta.ObjectVersion;
import dev.cairn.storage.object.ListOptions;
import dev.cairn.storage.object.ListResult;
import dev.cairn.storage.object.ObjectInfo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns an ordered stream of keys into one S3 listing page: prefix, delimiter roll-up into common prefixes,
 * marker and max-keys, for objects (latest versions that are not delete markers) or for all versions.
 */
final class Listing {
    private Listing() {
    }

    static ListResult objects(String bucket, Iterator<KeyEntry> keys, ListOptions opts) {
        Page page = new Page(opts);
        while (keys.hasNext()) {
            KeyEntry e = keys.next();
            ObjectVersion latest = e.meta().latest().orElse(null);
            if (latest == null || latest.isDeleteMarker()) {
                continue;
            }
            if (!page.offer(e.key(), () -> List.of(ErasureSet.toInfo(bucket, e.key(), latest, true)))) {
                break;
            }
        }
        return page.result(null);
    }

    static ListResult versions(String bucket, Iterator<KeyEntry> keys, ListOptions opts) {
        Page page = new Page(opts);
        while (keys.hasNext()) {
            KeyEntry e = keys.next();
            if (opts.marker() != null && KeyPaths.compareKeys(e.key(), opts.marker()) < 0) {
                continue; // the walk started a little before the marker to include it
            }
            List<ObjectVersion> versions = e.meta().versions();
            int from = 0;
            if (e.key().equals(opts.marker()) && opts.versionMarker() != null) {
                from = indexAfter(versions, opts.versionMarker());
            } else if (e.key().equals(opts.marker())) {
                continue;
            }
            List<ObjectInfo> infos = new ArrayList<>();
            for (int i = from; i < versions.size(); i++) {
                infos.add(ErasureSet.toInfo(bucket, e.key(), versions.get(i), i == 0));
            }
            if (infos.isEmpty()) {
                continue;
            }
            if (!page.offer(e.key(), () -> infos)) {
                break;
            }
        }
        return page.result(page.nextVersionMarker);
    }

    private static int indexAfter(List<ObjectVersion> versions, String versionMarker) {
        for (int i = 0; i < versions.size(); i++) {
            if (ErasureSet.versionIdString(versions.get(i).versionId()).equals(versionMarker)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Accumulates one page; {@link #offer} returns false once the page is full and more follows. */
    private static final class Page {
        final ListOptions opts;
        final List<ObjectInfo> objects = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        String lastPrefix;
        String nextMarker;
        String nextVersionMarker;
        boolean truncated;

        Page(ListOptions opts) {
            this.opts = opts;
        }

        int count() {
            return objects.size() + prefixes.size();
        }

        boolean offer(String key, java.util.function.Supplier<List<ObjectInfo>> infos) {
            String prefix = commonPrefix(key);
            if (prefix != null) {
                boolean seen = prefix.equals(lastPrefix)
                        || opts.marker() != null && KeyPaths.compareKeys(prefix, opts.marker()) <= 0;
                if (seen) {
                    return true;
                }
                if (count() >= opts.maxKeys()) {
                    truncated = true;
                    return false;
                }
                prefixes.add(prefix);
                lastPrefix = prefix;
                nextMarker = prefix;
                nextVersionMarker = null;
                return true;
            }
            for (ObjectInfo info : infos.get()) {
                if (count() >= opts.maxKeys()) {
                    truncated = true;
                    return false;
                }
                objects.add(info);
                nextMarker = key;
                nextVersionMarker = info.versionId();
            }
            return true;
        }

        private String commonPrefix(String key) {
            if (opts.delimiter() == null) {
                return null;
            }
            int at = key.indexOf(opts.delimiter(), opts.prefix().length());
            return at < 0 ? null : key.substring(0, at + opts.delimiter().length());
        }

        ListResult result(String versionMarker) {
            return new ListResult(objects, prefixes, truncated, truncated ? nextMarker : null,
                    truncated ? versionMarker : null);
        }
    }
}
