package dev.cairn.storage.format;

import dev.cairn.storage.format.DriveState.Corrupt;
import dev.cairn.storage.format.DriveState.Formatted;
import dev.cairn.storage.format.DriveState.Unformatted;
import dev.cairn.storage.format.DriveState.Unreachable;
import dev.cairn.storage.format.Resolution.Slot;
import dev.cairn.storage.format.Resolution.SlotState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Decides, from what was found on every configured drive, how the deployment is assembled.
 *
 * <p>Rules:
 * <ul>
 *   <li><b>Fresh</b>: every drive reachable and unformatted. A new deployment id and one new drive id per
 *       position; drive number {@code k} in argument order takes position {@code k} of {@code wanted}; every drive
 *       is to be formatted. If any drive is unreachable or corrupt, refuse: a deployment formatted without some
 *       of its drives could never tell them apart from strangers later.</li>
 *   <li><b>Existing</b>: the reference is the (deploymentId, sets) held by the most formatted drives; the stored
 *       layout wins over {@code wanted}. Refuse when the configured drive count differs from the reference
 *       layout, when fewer than half the drives (rounded up) hold the reference, when a formatted drive holds
 *       another deployment or another layout of this one, or when two paths hold the same drive id.</li>
 *   <li>A formatted drive takes the position of its own id, whatever its argument order.</li>
 *   <li>Unformatted reachable drives (replaced or wiped) take positions no formatted drive claimed and are to be
 *       formatted with that position's id; their sets need healing. Each first takes the position of its own
 *       argument index when that is free (drives are usually listed in their original order, and this keeps the
 *       position of a drive that is only unreachable free for it); the rest fill what is left in position
 *       order.</li>
 *   <li>Unreachable and corrupt drives are offline and never written; they are assigned to the still unclaimed
 *       positions the same way, so a retry knows which path to look at again.</li>
 * </ul>
 * Inconsistent input (no drives, a path given twice, a wanted layout of another size) is an
 * {@link IllegalArgumentException}; refusals are {@link FormatRefusedException}s.
 */
public final class FormatResolver {

    private FormatResolver() {
    }

    /** The identity formatted drives must agree on. */
    private record Reference(UUID deploymentId, List<List<UUID>> sets) {
        static Reference of(FormatFile format) {
            return new Reference(format.deploymentId(), format.sets());
        }
    }

    /**
     * @param drives one state per configured drive path, in argument order
     * @param wanted the layout for a fresh deployment; ignored for an existing one
     * @param ids source of new deployment and drive ids (random UUIDs in production)
     */
    public static Resolution resolve(List<DriveState> drives, SetLayout wanted, Supplier<UUID> ids) {
        Objects.requireNonNull(drives, "drives");
        Objects.requireNonNull(wanted, "wanted");
        Objects.requireNonNull(ids, "ids");
        if (drives.isEmpty()) {
            throw new IllegalArgumentException("no drives are configured");
        }
        Set<String> paths = new HashSet<>();
        for (DriveState drive : drives) {
            if (!paths.add(drive.path())) {
                throw new IllegalArgumentException("drive path " + drive.path() + " is configured more than once");
            }
        }
        List<Formatted> formatted = drives.stream()
                .filter(Formatted.class::isInstance).map(Formatted.class::cast).toList();
        return formatted.isEmpty() ? fresh(drives, wanted, ids) : existing(drives, formatted);
    }

    private static Resolution fresh(List<DriveState> drives, SetLayout wanted, Supplier<UUID> ids) {
        List<DriveState> offline = drives.stream().filter(d -> !(d instanceof Unformatted)).toList();
        if (!offline.isEmpty()) {
            throw new FormatRefusedException("cannot format a new deployment: " + (drives.size() - offline.size())
                    + " of " + drives.size() + " drives reachable ("
                    + offline.stream().map(FormatResolver::describe).collect(Collectors.joining("; ")) + ")", true);
        }
        if (wanted.driveCount() != drives.size()) {
            throw new IllegalArgumentException(
                    "the wanted layout " + wanted + " does not fit the " + drives.size() + " drives given");
        }
        UUID deploymentId = ids.get();
        Set<UUID> issued = new HashSet<>(Set.of(deploymentId));
        List<List<UUID>> sets = new ArrayList<>();
        for (int s = 0; s < wanted.setCount(); s++) {
            List<UUID> set = new ArrayList<>();
            for (int i = 0; i < wanted.setSize(); i++) {
                UUID id = Objects.requireNonNull(ids.get(), "the id supplier returned null");
                if (!issued.add(id)) {
                    throw new IllegalStateException("the id supplier returned " + id + " twice");
                }
                set.add(id);
            }
            sets.add(set);
        }
        FormatFile reference = FormatFile.of(deploymentId, sets.getFirst().getFirst(), sets);
        Slot[] slots = new Slot[drives.size()];
        for (int k = 0; k < drives.size(); k++) {
            Position position = wanted.position(k);
            slots[k] = new Slot(position, sets.get(position.set()).get(position.index()), drives.get(k),
                    SlotState.TO_FORMAT);
        }
        return resolution(reference, slots, true);
    }

    private static Resolution existing(List<DriveState> drives, List<Formatted> formatted) {
        Map<Reference, List<Formatted>> groups = new LinkedHashMap<>();
        for (Formatted drive : formatted) {
            groups.computeIfAbsent(Reference.of(drive.format()), r -> new ArrayList<>()).add(drive);
        }
        int most = groups.values().stream().mapToInt(List::size).max().orElseThrow();
        List<Reference> leaders = groups.keySet().stream().filter(r -> groups.get(r).size() == most).toList();
        if (leaders.size() > 1) {
            throw new FormatRefusedException("formatted drives disagree and none has a majority: "
                    + groups.entrySet().stream()
                            .map(e -> e.getValue().size() + " hold deployment " + e.getKey().deploymentId() + " as "
                                    + layoutOf(e.getKey()) + " (" + paths(e.getValue()) + ")")
                            .collect(Collectors.joining("; ")), most < (drives.size() + 1) / 2);
        }
        Reference reference = leaders.getFirst();
        List<Formatted> agreeing = groups.get(reference);
        FormatFile referenceFormat = agreeing.getFirst().format();
        SetLayout layout = referenceFormat.layout();

        if (layout.driveCount() != drives.size()) {
            throw new FormatRefusedException("the drives were formatted as " + layout + ", but " + drives.size()
                    + " are given", false);
        }
        int needed = (drives.size() + 1) / 2;
        if (agreeing.size() < needed) {
            long unformatted = drives.stream().filter(Unformatted.class::isInstance).count();
            long offline = drives.stream().filter(d -> d instanceof Unreachable || d instanceof Corrupt).count();
            throw new FormatRefusedException("cannot assemble deployment " + reference.deploymentId() + ": only "
                    + agreeing.size() + " of " + drives.size() + " drives hold its format, at least " + needed
                    + " must (" + unformatted + " unformatted, " + offline + " unreachable or corrupt, "
                    + (formatted.size() - agreeing.size()) + " formatted differently)", true);
        }
        for (Formatted drive : formatted) {
            FormatFile format = drive.format();
            if (!format.deploymentId().equals(reference.deploymentId())) {
                throw new FormatRefusedException("drive " + drive.path() + " belongs to deployment "
                        + format.deploymentId() + ", this deployment is " + reference.deploymentId(), false);
            }
            if (!format.sets().equals(reference.sets())) {
                throw new FormatRefusedException("drive " + drive.path() + " holds deployment "
                        + reference.deploymentId() + " with sets that differ from those of the " + agreeing.size()
                        + " drives that agree (its layout: " + format.layout() + ", theirs: " + layout + ")", false);
            }
        }

        Slot[] slots = new Slot[drives.size()];
        Map<UUID, String> claimedBy = new HashMap<>();
        for (Formatted drive : agreeing) {
            UUID id = drive.format().thisDrive();
            String other = claimedBy.putIfAbsent(id, drive.path());
            if (other != null) {
                throw new FormatRefusedException("drives " + other + " and " + drive.path() + " both claim to be drive "
                        + id + " (" + drive.format().position() + "); one is probably a copy of the other", false);
            }
            Position position = drive.format().position();
            slots[layout.driveIndex(position)] = new Slot(position, id, drive, SlotState.ONLINE);
        }
        // Every formatted drive is placed by now (any other would have been refused), so the free slots are
        // exactly as many as the unformatted and offline drives.
        List<Integer> unformatted = new ArrayList<>();
        List<Integer> offline = new ArrayList<>();
        for (int k = 0; k < drives.size(); k++) {
            switch (drives.get(k)) {
                case Unformatted u -> unformatted.add(k);
                case Unreachable u -> offline.add(k);
                case Corrupt c -> offline.add(k);
                case Formatted f -> { }
            }
        }
        assign(drives, unformatted, SlotState.TO_FORMAT, layout, reference.sets(), slots);
        assign(drives, offline, SlotState.OFFLINE, layout, reference.sets(), slots);
        return resolution(referenceFormat, slots, false);
    }

    /**
     * Puts the drives at {@code argumentIndexes} (ascending) into free slots: the slot of a drive's own argument
     * index when free, otherwise the first free one in position order. The caller guarantees enough free slots.
     */
    private static void assign(List<DriveState> drives, List<Integer> argumentIndexes, SlotState state,
            SetLayout layout, List<List<UUID>> sets, Slot[] slots) {
        List<Integer> waiting = new ArrayList<>();
        for (int k : argumentIndexes) {
            if (slots[k] == null) {
                slots[k] = slot(layout, sets, k, drives.get(k), state);
            } else {
                waiting.add(k);
            }
        }
        int free = 0;
        for (int k : waiting) {
            while (slots[free] != null) {
                free++;
            }
            slots[free] = slot(layout, sets, free, drives.get(k), state);
        }
    }

    private static Slot slot(SetLayout layout, List<List<UUID>> sets, int driveIndex, DriveState drive,
            SlotState state) {
        Position position = layout.position(driveIndex);
        return new Slot(position, sets.get(position.set()).get(position.index()), drive, state);
    }

    private static Resolution resolution(FormatFile reference, Slot[] slots, boolean fresh) {
        SetLayout layout = reference.layout();
        List<List<Slot>> rows = new ArrayList<>();
        Map<String, FormatFile> toWrite = new LinkedHashMap<>();
        Set<Integer> toHeal = new TreeSet<>();
        for (int s = 0; s < layout.setCount(); s++) {
            List<Slot> row = new ArrayList<>();
            for (int i = 0; i < layout.setSize(); i++) {
                Slot slot = slots[layout.driveIndex(new Position(s, i))];
                row.add(slot);
                if (slot.state() == SlotState.TO_FORMAT) {
                    toWrite.put(slot.path(), reference.forDrive(slot.driveId()));
                    if (!fresh) {
                        toHeal.add(s);
                    }
                }
            }
            rows.add(row);
        }
        return new Resolution(reference.deploymentId(), reference.sets(), rows, toWrite, fresh, List.copyOf(toHeal));
    }

    private static SetLayout layoutOf(Reference reference) {
        return new SetLayout(reference.sets().size(), reference.sets().getFirst().size());
    }

    private static String paths(List<? extends DriveState> drives) {
        return drives.stream().map(DriveState::path).collect(Collectors.joining(", "));
    }

    private static String describe(DriveState drive) {
        return switch (drive) {
            case Unreachable u -> u.path() + ": " + u.reason();
            case Corrupt c -> c.path() + ": corrupt format.json: " + c.reason();
            case Unformatted u -> u.path() + ": unformatted";
            case Formatted f -> f.path() + ": formatted";
        };
    }
}
