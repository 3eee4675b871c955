package dev.cairn.storage.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * All versions of one key on one drive, newest first. Immutable: every change returns a new instance.
 */
public record ObjectMeta(List<ObjectVersion> versions) {

    /** Newest first; ties (same nanosecond) broken by version id so every drive orders them alike. */
    static final Comparator<ObjectVersion> NEWEST_FIRST = Comparator.comparingLong(ObjectVersion::modTime)
            .reversed().thenComparing(ObjectVersion::versionId);

    public static final ObjectMeta EMPTY = new ObjectMeta(List.of());

    public ObjectMeta {
        List<ObjectVersion> sorted = new ArrayList<>(versions);
        sorted.sort(NEWEST_FIRST);
        versions = List.copyOf(sorted);
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    public Optional<ObjectVersion> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }

    public Optional<ObjectVersion> find(UUID versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    /** Adds {@code v}, replacing any version with the same id (how the null version is overwritten). */
    public ObjectMeta put(ObjectVersion v) {
        List<ObjectVersion> next = new ArrayList<>(versions.size() + 1);
        for (ObjectVersion old : versions) {
            if (!old.versionId().equals(v.versionId())) {
                next.add(old);
            }
        }
        next.add(v);
        return new ObjectMeta(next);
    }

    public ObjectMeta remove(UUID versionId) {
        return new ObjectMeta(versions.stream().filter(v -> !v.versionId().equals(versionId)).toList());
    }

    /** True when another version than {@code except} still uses {@code dataDir} (copies may share one). */
    public boolean dataDirInUse(UUID dataDir, UUID except) {
        return dataDir != null && versions.stream()
                .anyMatch(v -> dataDir.equals(v.dataDir()) && !v.versionId().equals(except));
    }
}
