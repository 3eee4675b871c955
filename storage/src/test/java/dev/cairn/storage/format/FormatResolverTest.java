package dev.cairn.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.storage.format.DriveState.Corrupt;
import dev.cairn.storage.format.DriveState.Formatted;
import dev.cairn.storage.format.DriveState.Unformatted;
import dev.cairn.storage.format.DriveState.Unreachable;
import dev.cairn.storage.format.Resolution.Slot;
import dev.cairn.storage.format.Resolution.SlotState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatResolverTest {

    private static final SetLayout TWO_BY_FOUR = new SetLayout(2, 4);

    /** Ids 1, 2, 3, ... so tests can name them; {@code base} keeps two deployments apart. */
    private static Supplier<UUID> ids(long base) {
        long[] next = {base};
        return () -> new UUID(0, ++next[0]);
    }

    private static List<String> paths(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "/data/d" + i).toList();
    }

    private static List<DriveState> unformatted(int n) {
        return paths(n).stream().<DriveState>map(Unformatted::new).toList();
    }

    /** The drives of a freshly formatted deployment, as they would be read back, in argument order. */
    private static List<DriveState> formattedDeployment(Resolution fresh) {
        return fresh.formatsToWrite().entrySet().stream()
                .<DriveState>map(e -> new Formatted(e.getKey(), e.getValue())).toList();
    }

    private static List<DriveState> existing(SetLayout layout, long idBase) {
        return formattedDeployment(
                FormatResolver.resolve(unformatted(layout.driveCount()), layout, ids(idBase)));
    }

    private static List<DriveState> replace(List<DriveState> drives, int index, DriveState replacement) {
        List<DriveState> copy = new ArrayList<>(drives);
        copy.set(index, replacement);
        return copy;
    }

    private static Resolution resolve(List<DriveState> drives) {
        return FormatResolver.resolve(drives, SetLayout.forDriveCount(drives.size()), ids(1000));
    }

    private static FormatRefusedException refused(List<DriveState> drives) {
        return assertThrows(FormatRefusedException.class, () -> resolve(drives));
    }

    private static void assertAllOnlineInPlace(List<DriveState> drives, Resolution resolution) {
        for (DriveState drive : drives) {
            FormatFile format = ((Formatted) drive).format();
            Slot slot = resolution.slot(format.position());
            assertEquals(drive.path(), slot.path());
            assertEquals(format.thisDrive(), slot.driveId());
            assertEquals(SlotState.ONLINE, slot.state());
        }
    }

    // ---- fresh deployments -------------------------------------------------------------------------------

    @Test
    @DisplayName("fresh: all drives unformatted get new ids in argument order, all to format")
    void freshDeployment() {
        Resolution r = FormatResolver.resolve(unformatted(8), TWO_BY_FOUR, ids(0));

        assertTrue(r.freshDeployment());
        assertEquals(new UUID(0, 1), r.deploymentId());
        assertEquals(TWO_BY_FOUR, r.layout());
        assertEquals(List.of(
                        List.of(new UUID(0, 2), new UUID(0, 3), new UUID(0, 4), new UUID(0, 5)),
                        List.of(new UUID(0, 6), new UUID(0, 7), new UUID(0, 8), new UUID(0, 9))),
                r.sets());
        assertEquals(List.of(), r.setsToHeal());
        assertEquals(paths(8), List.copyOf(r.formatsToWrite().keySet()));
        for (int k = 0; k < 8; k++) {
            Slot slot = r.slot(TWO_BY_FOUR.position(k));
            assertEquals("/data/d" + (k + 1), slot.path());
            assertEquals(SlotState.TO_FORMAT, slot.state());
            FormatFile format = r.formatsToWrite().get(slot.path());
            assertEquals(r.deploymentId(), format.deploymentId());
            assertEquals(slot.driveId(), format.thisDrive());
            assertEquals(slot.position(), format.position());
            assertEquals(r.sets(), format.sets());
        }
    }

    @Test
    @DisplayName("fresh: a single drive is one set of one")
    void freshSingleDrive() {
        Resolution r = FormatResolver.resolve(unformatted(1), SetLayout.forDriveCount(1), ids(0));
        assertEquals(new SetLayout(1, 1), r.layout());
        assertEquals(1, r.formatsToWrite().size());
    }

    @Test
    @DisplayName("fresh: one unreachable drive refuses the whole deployment")
    void freshWithUnreachableRefused() {
        List<DriveState> drives = replace(unformatted(4), 3, new Unreachable("/data/d4", "connection refused"));
        var e = refused(drives);
        assertEquals("cannot format a new deployment: 3 of 4 drives reachable (/data/d4: connection refused)",
                e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    @DisplayName("fresh: a corrupt drive refuses too, and every missing drive is named")
    void freshWithCorruptRefused() {
        List<DriveState> drives = replace(replace(unformatted(4), 0, new Corrupt("/data/d1", "bad JSON")),
                2, new Unreachable("/data/d3", "timeout"));
        var e = refused(drives);
        assertEquals("cannot format a new deployment: 2 of 4 drives reachable "
                + "(/data/d1: corrupt format.json: bad JSON; /data/d3: timeout)", e.getMessage());
    }

    @Test
    @DisplayName("fresh: a wanted layout of another size is a configuration error")
    void freshWantedMismatch() {
        assertThrows(IllegalArgumentException.class,
                () -> FormatResolver.resolve(unformatted(6), TWO_BY_FOUR, ids(0)));
    }

    @Test
    @DisplayName("fresh: an id supplier repeating itself is caught")
    void freshRepeatingIds() {
        UUID same = new UUID(0, 7);
        assertThrows(IllegalStateException.class, () -> FormatResolver.resolve(unformatted(4), new SetLayout(1, 4),
                () -> same));
    }

    // ---- existing deployments ----------------------------------------------------------------------------

    @Test
    @DisplayName("existing: all drives formatted and in order come back online, nothing to write or heal")
    void existingAllOnline() {
        List<DriveState> drives = existing(TWO_BY_FOUR, 0);
        Resolution r = resolve(drives);
        assertFalse(r.freshDeployment());
        assertEquals(new UUID(0, 1), r.deploymentId());
        assertTrue(r.formatsToWrite().isEmpty());
        assertEquals(List.of(), r.setsToHeal());
        assertEquals(8, r.slotsIn(SlotState.ONLINE).size());
        assertAllOnlineInPlace(drives, r);
    }

    @ParameterizedTest(name = "shuffled with seed {0}: every drive lands at its own position")
    @ValueSource(longs = {1, 2, 3, 42})
    void shuffledOrder(long seed) {
        List<DriveState> drives = new ArrayList<>(existing(TWO_BY_FOUR, 0));
        Collections.shuffle(drives, new Random(seed));
        Resolution r = resolve(drives);
        assertAllOnlineInPlace(drives, r);
        assertEquals(List.of(), r.setsToHeal());
    }

    @Test
    @DisplayName("the wanted layout is ignored for an existing deployment: the stored layout wins")
    void storedLayoutWins() {
        List<DriveState> drives = existing(TWO_BY_FOUR, 0);
        Resolution r = FormatResolver.resolve(drives, new SetLayout(4, 2), ids(1000));
        assertEquals(TWO_BY_FOUR, r.layout());
    }

    @Test
    @DisplayName("one wiped drive takes its old position and id, and its set needs healing")
    void oneWipedDrive() {
        List<DriveState> original = existing(TWO_BY_FOUR, 0);
        FormatFile lost = ((Formatted) original.get(5)).format();
        List<DriveState> drives = replace(original, 5, new Unformatted("/data/d6"));

        Resolution r = resolve(drives);

        Slot slot = r.slot(new Position(1, 1));
        assertEquals("/data/d6", slot.path());
        assertEquals(SlotState.TO_FORMAT, slot.state());
        assertEquals(lost.thisDrive(), slot.driveId());
        assertEquals(Map.of("/data/d6", lost), r.formatsToWrite());
        assertEquals(List.of(1), r.setsToHeal());
        assertEquals(7, r.slotsIn(SlotState.ONLINE).size());
    }

    @Test
    @DisplayName("two wiped drives in different sets: both formatted, both sets heal")
    void twoWipedDrivesInTwoSets() {
        List<DriveState> original = existing(TWO_BY_FOUR, 0);
        List<DriveState> drives = replace(replace(original, 0, new Unformatted("/data/d1")),
                7, new Unformatted("/data/d8"));

        Resolution r = resolve(drives);

        assertEquals(((Formatted) original.get(0)).format(), r.formatsToWrite().get("/data/d1"));
        assertEquals(((Formatted) original.get(7)).format(), r.formatsToWrite().get("/data/d8"));
        assertEquals(List.of(0, 1), r.setsToHeal());
    }

    @Test
    @DisplayName("two wiped drives in one set: only that set heals")
    void twoWipedDrivesInOneSet() {
        List<DriveState> drives = replace(replace(existing(TWO_BY_FOUR, 0), 1, new Unformatted("/data/d2")),
                2, new Unformatted("/data/d3"));
        Resolution r = resolve(drives);
        assertEquals(List.of(0), r.setsToHeal());
        assertEquals(List.of("/data/d2", "/data/d3"), List.copyOf(r.formatsToWrite().keySet()));
    }

    @Test
    @DisplayName("wiped drives in a shuffled order fill the unclaimed positions in position order")
    void wipedDrivesShuffled() {
        List<DriveState> original = existing(new SetLayout(1, 4), 0);
        // Argument order d4, d3, then two blank drives: positions 0 and 1 are unclaimed.
        List<DriveState> drives = List.of(original.get(3), original.get(2),
                new Unformatted("/data/new1"), new Unformatted("/data/new2"));
        Resolution r = resolve(drives);
        assertEquals("/data/new1", r.slot(new Position(0, 0)).path());
        assertEquals("/data/new2", r.slot(new Position(0, 1)).path());
        assertEquals(SlotState.TO_FORMAT, r.slot(new Position(0, 0)).state());
        assertEquals(List.of(0), r.setsToHeal());
    }

    @Test
    @DisplayName("a wiped drive next to an unreachable one does not take the unreachable drive's position")
    void wipedDriveBesideUnreachable() {
        List<DriveState> original = existing(TWO_BY_FOUR, 0);
        List<DriveState> drives = replace(replace(original, 2, new Unreachable("/data/d3", "timeout")),
                3, new Unformatted("/data/d4"));
        Resolution r = resolve(drives);
        assertEquals("/data/d3", r.slot(new Position(0, 2)).path());
        assertEquals(SlotState.OFFLINE, r.slot(new Position(0, 2)).state());
        assertEquals("/data/d4", r.slot(new Position(0, 3)).path());
        assertEquals(((Formatted) original.get(3)).format(), r.formatsToWrite().get("/data/d4"));
    }

    @Test
    @DisplayName("an unreachable drive is offline at its position, never written")
    void unreachableDrive() {
        List<DriveState> drives = replace(existing(TWO_BY_FOUR, 0), 4, new Unreachable("/data/d5", "no route"));
        Resolution r = resolve(drives);
        Slot slot = r.slot(new Position(1, 0));
        assertEquals(SlotState.OFFLINE, slot.state());
        assertEquals("/data/d5", slot.path());
        assertInstanceOf(Unreachable.class, slot.drive());
        assertTrue(r.formatsToWrite().isEmpty());
        assertEquals(List.of(), r.setsToHeal());
    }

    @Test
    @DisplayName("unreachable drives in a shuffled order are offline at the positions left over")
    void unreachableShuffled() {
        List<DriveState> original = existing(new SetLayout(1, 4), 0);
        List<DriveState> drives = List.of(new Unreachable("/data/x", "down"), original.get(0), original.get(3),
                original.get(1));
        Resolution r = resolve(drives);
        assertEquals("/data/x", r.slot(new Position(0, 2)).path());
        assertEquals(SlotState.OFFLINE, r.slot(new Position(0, 2)).state());
        assertEquals(3, r.slotsIn(SlotState.ONLINE).size());
    }

    @Test
    @DisplayName("a corrupt drive is offline like an unreachable one and is never overwritten")
    void corruptDrive() {
        List<DriveState> drives = replace(existing(TWO_BY_FOUR, 0), 6, new Corrupt("/data/d7", "truncated"));
        Resolution r = resolve(drives);
        Slot slot = r.slot(new Position(1, 2));
        assertEquals(SlotState.OFFLINE, slot.state());
        assertInstanceOf(Corrupt.class, slot.drive());
        assertFalse(r.formatsToWrite().containsKey("/data/d7"));
        assertEquals(List.of(), r.setsToHeal());
    }

    @Test
    @DisplayName("a drive of another deployment is refused, naming it and both ids")
    void foreignDrive() {
        List<DriveState> ours = existing(new SetLayout(1, 4), 0);
        FormatFile theirs = ((Formatted) existing(new SetLayout(1, 4), 100).get(3)).format();
        List<DriveState> drives = replace(ours, 3, new Formatted("/data/d4", theirs));

        var e = refused(drives);
        assertEquals("drive /data/d4 belongs to deployment " + new UUID(0, 101) + ", this deployment is "
                + new UUID(0, 1), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    @DisplayName("a drive of this deployment with another layout is refused")
    void sameDeploymentOtherLayout() {
        List<DriveState> drives = existing(new SetLayout(1, 4), 0);
        FormatFile format = ((Formatted) drives.get(0)).format();
        List<UUID> reordered = new ArrayList<>(format.sets().getFirst());
        Collections.swap(reordered, 1, 2);
        FormatFile other = FormatFile.of(format.deploymentId(), format.thisDrive(), List.of(reordered));
        var e = refused(replace(drives, 0, new Formatted("/data/d1", other)));
        assertTrue(e.getMessage().startsWith("drive /data/d1 holds deployment " + format.deploymentId()
                + " with sets that differ from those of the 3 drives that agree"), e.getMessage());
    }

    @Test
    @DisplayName("fewer drives than the stored layout is refused with both counts")
    void fewerDrivesThanFormatted() {
        List<DriveState> drives = existing(TWO_BY_FOUR, 0).subList(0, 6);
        var e = refused(drives);
        assertEquals("the drives were formatted as 2 sets × 4 drives = 8, but 6 are given", e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    @DisplayName("more drives than the stored layout is refused too")
    void moreDrivesThanFormatted() {
        List<DriveState> drives = new ArrayList<>(existing(TWO_BY_FOUR, 0));
        IntStream.rangeClosed(9, 16).forEach(i -> drives.add(new Unformatted("/data/d" + i)));
        var e = refused(drives);
        assertEquals("the drives were formatted as 2 sets × 4 drives = 8, but 16 are given", e.getMessage());
    }

    @Test
    @DisplayName("fewer than half the drives holding the format is refused with the counts")
    void tooFewFormats() {
        List<DriveState> drives = new ArrayList<>(existing(TWO_BY_FOUR, 0));
        for (int k = 3; k < 8; k++) {
            drives.set(k, k < 5 ? new Unformatted("/data/d" + (k + 1)) : new Unreachable("/data/d" + (k + 1), "down"));
        }
        var e = refused(drives);
        assertEquals("cannot assemble deployment " + new UUID(0, 1) + ": only 3 of 8 drives hold its format, "
                + "at least 4 must (2 unformatted, 3 unreachable or corrupt, 0 formatted differently)", e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    @DisplayName("exactly half the drives holding the format is enough")
    void halfTheFormatsIsEnough() {
        List<DriveState> drives = new ArrayList<>(existing(TWO_BY_FOUR, 0));
        for (int k = 4; k < 8; k++) {
            drives.set(k, new Unformatted("/data/d" + (k + 1)));
        }
        Resolution r = resolve(drives);
        assertEquals(4, r.formatsToWrite().size());
        assertEquals(List.of(1), r.setsToHeal());
    }

    @Test
    @DisplayName("two deployments tied for most drives is refused")
    void tiedFormats() {
        List<DriveState> ours = existing(new SetLayout(1, 4), 0);
        List<DriveState> theirs = existing(new SetLayout(1, 4), 100);
        List<DriveState> drives = List.of(ours.get(0), ours.get(1),
                new Formatted("/data/t3", ((Formatted) theirs.get(2)).format()),
                new Formatted("/data/t4", ((Formatted) theirs.get(3)).format()));
        var e = refused(drives);
        assertTrue(e.getMessage().startsWith("formatted drives disagree and none has a majority"), e.getMessage());
        assertTrue(e.getMessage().contains("/data/t3, /data/t4"), e.getMessage());
    }

    @Test
    @DisplayName("two paths claiming the same drive id are refused, naming both")
    void duplicateDriveIds() {
        List<DriveState> drives = existing(new SetLayout(1, 4), 0);
        FormatFile copied = ((Formatted) drives.get(1)).format();
        var e = refused(replace(drives, 2, new Formatted("/data/d3", copied)));
        assertEquals("drives /data/d2 and /data/d3 both claim to be drive " + copied.thisDrive()
                + " (set 0 index 1); one is probably a copy of the other", e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    @DisplayName("a path configured twice, or no drives at all, is a configuration error")
    void invalidInput() {
        assertThrows(IllegalArgumentException.class,
                () -> resolve(List.of(new Unformatted("/a"), new Unformatted("/a"))));
        assertThrows(IllegalArgumentException.class, () -> FormatResolver.resolve(List.of(), TWO_BY_FOUR, ids(0)));
    }
}
