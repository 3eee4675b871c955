package dev.cairn.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatFileTest {

    private static final UUID DEPLOYMENT = UUID.fromString("00000000-0000-4000-8000-0000000000dd");
    private static final UUID A = id(1);
    private static final UUID B = id(2);
    private static final UUID C = id(3);
    private static final UUID D = id(4);
    private static final List<List<UUID>> TWO_BY_TWO = List.of(List.of(A, B), List.of(C, D));

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }

    private static byte[] bytes(String json) {
        return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    /** A valid document in single quotes, with {@code %s} for the version. */
    private static final String VALID = "{'version':%s,'format':'cairn-erasure',"
            + "'deploymentId':'00000000-0000-4000-8000-0000000000dd','thisDrive':'00000000-0000-4000-8000-000000000003',"
            + "'sets':[['00000000-0000-4000-8000-000000000001','00000000-0000-4000-8000-000000000002'],"
            + "['00000000-0000-4000-8000-000000000003','00000000-0000-4000-8000-000000000004']]}";

    @Test
    @DisplayName("JSON round-trips to an equal format")
    void roundTrip() {
        FormatFile format = FormatFile.of(DEPLOYMENT, C, TWO_BY_TWO);
        assertEquals(format, FormatFile.parse(format.toJson()));
    }

    @Test
    @DisplayName("the written JSON has the documented shape and field order")
    void writtenShape() {
        String json = new String(FormatFile.of(DEPLOYMENT, C, TWO_BY_TWO).toJson(), StandardCharsets.UTF_8);
        assertEquals(VALID.formatted(1).replace('\'', '"') + "\n", json);
    }

    @Test
    @DisplayName("a hand-written document parses, positions included")
    void parsesDocument() {
        FormatFile format = FormatFile.parse(bytes(VALID.formatted(1)));
        assertEquals(1, format.formatVersion());
        assertEquals(DEPLOYMENT, format.deploymentId());
        assertEquals(C, format.thisDrive());
        assertEquals(TWO_BY_TWO, format.sets());
        assertEquals(new SetLayout(2, 2), format.layout());
        assertEquals(new Position(1, 0), format.position());
        assertEquals(Optional.of(new Position(0, 1)), format.positionOf(B));
        assertEquals(Optional.empty(), format.positionOf(id(9)));
    }

    @Test
    @DisplayName("unknown extra fields are ignored")
    void ignoresUnknownFields() {
        String json = VALID.formatted(1).replace("{'version'", "{'hint':'x','version'");
        assertEquals(FormatFile.of(DEPLOYMENT, C, TWO_BY_TWO), FormatFile.parse(bytes(json)));
    }

    @Test
    @DisplayName("forDrive keeps the deployment and layout, only the drive changes")
    void forDrive() {
        FormatFile format = FormatFile.of(DEPLOYMENT, C, TWO_BY_TWO);
        FormatFile other = format.forDrive(A);
        assertEquals(A, other.thisDrive());
        assertTrue(format.sameDeployment(other));
        assertFalse(format.sameDeployment(FormatFile.of(DEPLOYMENT, A, List.of(List.of(B, A), List.of(C, D)))));
        assertThrows(IllegalArgumentException.class, () -> format.forDrive(id(9)));
    }

    @Test
    @DisplayName("the sets are copied, so the caller cannot change a format afterwards")
    void immutable() {
        var set = new java.util.ArrayList<>(List.of(A, B));
        FormatFile format = FormatFile.of(DEPLOYMENT, A, List.of(set));
        set.add(C);
        assertEquals(List.of(List.of(A, B)), format.sets());
        assertThrows(UnsupportedOperationException.class, () -> format.sets().getFirst().add(C));
    }

    @Test
    @DisplayName("a newer version is refused with a message asking for an upgrade")
    void newerVersionRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> FormatFile.parse(bytes(VALID.formatted(2))));
        assertTrue(e.getMessage().contains("version 2, newer than this Cairn understands (up to 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("upgrade"), e.getMessage());
    }

    @ParameterizedTest(name = "version {0} is refused")
    @CsvSource({"0", "-1", "1.5", "'\"1\"'", "null"})
    void invalidVersionRefused(String version) {
        assertThrows(IllegalArgumentException.class, () -> FormatFile.parse(bytes(VALID.formatted(version))));
    }

    @Test
    @DisplayName("this drive must appear in the sets")
    void thisDriveMustBeInSets() {
        String json = VALID.formatted(1).replace("'thisDrive':'00000000-0000-4000-8000-000000000003'",
                "'thisDrive':'00000000-0000-4000-8000-000000000009'");
        var e = assertThrows(IllegalArgumentException.class, () -> FormatFile.parse(bytes(json)));
        assertTrue(e.getMessage().contains("does not appear in the sets"), e.getMessage());
    }

    @Test
    @DisplayName("sets of different sizes are refused")
    void unequalSetsRefused() {
        String json = VALID.formatted(1).replace(",'00000000-0000-4000-8000-000000000004'", "");
        var e = assertThrows(IllegalArgumentException.class, () -> FormatFile.parse(bytes(json)));
        assertTrue(e.getMessage().contains("same size"), e.getMessage());
        assertTrue(e.getMessage().contains("set 0 has 2 drives and set 1 has 1"), e.getMessage());
    }

    @Test
    @DisplayName("a drive id listed twice is refused")
    void duplicateIdsRefused() {
        String json = VALID.formatted(1).replace("000000000004'", "000000000001'");
        var e = assertThrows(IllegalArgumentException.class, () -> FormatFile.parse(bytes(json)));
        assertTrue(e.getMessage().contains("00000000-0000-4000-8000-000000000001 appears more than once"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON                  | {'version':1,",
            "not an object             | [1]",
            "empty                     | ''",
            "wrong format name         | {'version':1,'format':'minio'}",
            "missing format            | {'version':1}",
            "missing version           | {'format':'cairn-erasure'}",
    })
    void malformedDocumentsRefused(String what, String json) {
        assertThrows(IllegalArgumentException.class, () -> FormatFile.parse(bytes(json)));
    }

    @Test
    @DisplayName("a field given twice is refused rather than last-one-wins")
    void duplicateFieldRefused() {
        String json = VALID.formatted(1).replace("{'version':1,", "{'version':1,'thisDrive':'00000000-0000-4000-8000-000000000001',");
        assertThrows(IllegalArgumentException.class, () -> FormatFile.parse(bytes(json)));
    }

    @Test
    @DisplayName("trailing content after the object is refused")
    void trailingContentRefused() {
        assertThrows(IllegalArgumentException.class, () -> FormatFile.parse(bytes(VALID.formatted(1) + "{}")));
    }

    @ParameterizedTest(name = "deploymentId {0} is refused")
    @CsvSource({"'1-1-1-1-1'", "'not-a-uuid'", "''"})
    void malformedUuidRefused(String value) {
        String json = VALID.formatted(1).replace("'deploymentId':'00000000-0000-4000-8000-0000000000dd'",
                "'deploymentId':'" + value + "'");
        var e = assertThrows(IllegalArgumentException.class, () -> FormatFile.parse(bytes(json)));
        assertTrue(e.getMessage().contains("\"deploymentId\" must be a UUID"), e.getMessage());
    }

    @Test
    @DisplayName("no sets, an empty set, or a set above 16 drives are refused")
    void invalidLayoutsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FormatFile.of(DEPLOYMENT, A, List.of()));
        assertThrows(IllegalArgumentException.class, () -> FormatFile.of(DEPLOYMENT, A, List.of(List.of())));
        List<UUID> seventeen = java.util.stream.IntStream.rangeClosed(1, 17).mapToObj(FormatFileTest::id).toList();
        assertThrows(IllegalArgumentException.class, () -> FormatFile.of(DEPLOYMENT, A, List.of(seventeen)));
    }
}
