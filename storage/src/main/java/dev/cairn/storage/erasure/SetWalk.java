package dev.cairn.storage.erasure;

import dev.cairn.storage.drive.Drive;
import dev.cairn.storage.drive.WalkEntry;
import dev.cairn.storage.meta.MetaCodec;
import dev.cairn.storage.meta.MetaFormatException;
import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Lists one set: walks every online drive and keeps a key only when at least {@code quorum} drives hold the
 * same versions of it. A key on fewer drives is a write that did not commit (or is being healed) and stays
 * invisible, as it is to reads.
 */
final class SetWalk {
    private SetWalk() {
    }

    static Iterator<KeyEntry> walk(Drive[] drives, String volume, String prefix, String after, int quorum) {
        List<Iterator<WalkEntry>> sources = new ArrayList<>();
        for (Drive d : drives) {
            if (d != null) {
                sources.add(new Tolerant(d, volume, prefix, after));
            }
        }
        return new MergedWalk<>(sources, WalkEntry::key, group -> agree(group, quorum));
    }

    private static KeyEntry agree(List<WalkEntry> group, int quorum) {
        List<ObjectMeta> metas = new ArrayList<>(group.size());
        for (WalkEntry e : group) {
            try {
                metas.add(MetaCodec.decode(e.meta()));
            } catch (MetaFormatException corrupt) {
                // a corrupt copy does not vote; healing rewrites it
            }
        }
        for (ObjectMeta candidate : metas) {
            int votes = 0;
            for (ObjectMeta other : metas) {
                votes += sameVersions(candidate, other) ? 1 : 0;
            }
            if (votes >= quorum) {
                return new KeyEntry(group.get(0).key(), candidate);
            }
        }
        return null;
    }

    static boolean sameVersions(ObjectMeta a, ObjectMeta b) {
        List<ObjectVersion> va = a.versions();
        List<ObjectVersion> vb = b.versions();
        if (va.size() != vb.size()) {
            return false;
        }
        for (int i = 0; i < va.size(); i++) {
            if (!va.get(i).sameVersionAs(vb.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A drive's walk that ends, rather than failing the listing, when the drive fails. */
    private static final class Tolerant implements Iterator<WalkEntry> {
        private Iterator<WalkEntry> inner;

        Tolerant(Drive d, String volume, String prefix, String after) {
            try {
                inner = d.walk(volume, prefix, after);
            } catch (RuntimeException e) {
                inner = null;
            }
        }

        @Override
        public boolean hasNext() {
            try {
                return inner != null && inner.hasNext();
            } catch (RuntimeException e) {
                inner = null;
                return false;
            }
        }

        @Override
        public WalkEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return inner.next();
        }
    }
}
