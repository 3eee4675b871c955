package dev.cairn.storage.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of {@link FormatResolver#resolve}: the deployment's layout and, for every position, which
 * configured drive sits there and what to do with it.
 *
 * <p>Contract: {@code slots} has the shape of {@code sets} ({@code slots.get(s).get(i)} is the drive for
 * {@code sets.get(s).get(i)}); every configured drive appears in exactly one slot; {@code formatsToWrite} maps
 * the path of every {@link SlotState#TO_FORMAT} slot, in position order, to the {@link FormatFile} to write
 * there; {@code setsToHeal} lists, ascending, the sets holding a drive to format, which must be healed once
 * formatted. A fresh deployment has every slot to format and nothing to heal.
 */
public record Resolution(
        UUID deploymentId,
        List<List<UUID>> sets,
        List<List<Slot>> slots,
        Map<String, FormatFile> formatsToWrite,
        boolean freshDeployment,
        List<Integer> setsToHeal) {

    public enum SlotState {
        /** Formatted drive of this deployment, in use as is. */
        ONLINE,
        /** Reachable unformatted drive; write its {@link FormatFile} before use. */
        TO_FORMAT,
        /** Unreachable or corrupt: not used. A retry may find it readable. */
        OFFLINE
    }

    /** One position: the drive id the layout puts there, the configured drive assigned to it, and its state. */
    public record Slot(Position position, UUID driveId, DriveState drive, SlotState state) {
        public Slot {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(driveId, "driveId");
            Objects.requireNonNull(drive, "drive");
            Objects.requireNonNull(state, "state");
        }

        public String path() {
            return drive.path();
        }
    }

    public Resolution {
        Objects.requireNonNull(deploymentId, "deploymentId");
        sets = sets.stream().map(List::copyOf).toList();
        slots = slots.stream().map(List::copyOf).toList();
        formatsToWrite = Collections.unmodifiableMap(new LinkedHashMap<>(formatsToWrite));
        setsToHeal = List.copyOf(setsToHeal);
        if (slots.size() != sets.size()) {
            throw new IllegalArgumentException(slots.size() + " slot rows for " + sets.size() + " sets");
        }
    }

    public SetLayout layout() {
        return new SetLayout(sets.size(), sets.getFirst().size());
    }

    public Slot slot(Position position) {
        return slots.get(position.set()).get(position.index());
    }

    /** The slots in {@code state}, in position order. */
    public List<Slot> slotsIn(SlotState state) {
        List<Slot> result = new ArrayList<>();
        for (List<Slot> set : slots) {
            for (Slot slot : set) {
                if (slot.state() == state) {
                    result.add(slot);
                }
            }
        }
        return List.copyOf(result);
    }
}
