package dev.cairn.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SetLayoutTest {

    @ParameterizedTest(name = "{0} drives → {1} × {2}")
    @CsvSource({
            "1, 1, 1",
            "2, 1, 2",
            "3, 1, 3",
            "4, 1, 4",
            "5, 1, 5",
            "6, 1, 6",
            "8, 1, 8",
            "12, 1, 12",
            "16, 1, 16",
            "18, 2, 9",
            "24, 2, 12",
            "32, 2, 16",
            "64, 4, 16",
    })
    void setSizeIsTheLargestDivisorUpToSixteen(int drives, int setCount, int setSize) {
        SetLayout layout = SetLayout.forDriveCount(drives);
        assertEquals(new SetLayout(setCount, setSize), layout);
        assertEquals(drives, layout.driveCount());
    }

    @ParameterizedTest(name = "{0} drives have no set size in 2..16")
    @CsvSource({"17, 16, 18", "19, 18, 20", "23, 22, 24", "289, 288, 290"})
    void countsWithoutDivisorAreRefused(int drives, int below, int above) {
        var e = assertThrows(IllegalArgumentException.class, () -> SetLayout.forDriveCount(drives));
        assertTrue(e.getMessage().startsWith(drives + " drives cannot be split"), e.getMessage());
        assertTrue(e.getMessage().contains("2 to 16"), e.getMessage());
        assertTrue(e.getMessage().contains(below + " or " + above), e.getMessage());
    }

    @ParameterizedTest(name = "{0} drives are refused")
    @ValueSource(ints = {0, -1})
    void noDrivesIsRefused(int drives) {
        assertThrows(IllegalArgumentException.class, () -> SetLayout.forDriveCount(drives));
    }

    @ParameterizedTest(name = "set size {0} → default parity {1}")
    @CsvSource({"1, 0", "2, 1", "3, 1", "4, 2", "5, 2", "6, 3", "7, 3", "8, 4", "9, 4", "12, 4", "16, 4"})
    void defaultParity(int setSize, int parity) {
        assertEquals(parity, SetLayout.defaultParity(setSize));
    }

    @ParameterizedTest(name = "default parity of set size {0} is refused")
    @ValueSource(ints = {0, 17})
    void defaultParityOutsideSetSizes(int setSize) {
        assertThrows(IllegalArgumentException.class, () -> SetLayout.defaultParity(setSize));
    }

    @ParameterizedTest(name = "layout {0} × {1} is refused")
    @CsvSource({"0, 4", "1, 0", "1, 17", "2, 1"})
    void invalidLayouts(int setCount, int setSize) {
        assertThrows(IllegalArgumentException.class, () -> new SetLayout(setCount, setSize));
    }

    @Test
    @DisplayName("positions run through each set before the next")
    void positionsAndDriveIndexes() {
        SetLayout layout = new SetLayout(2, 4);
        assertEquals(new Position(0, 0), layout.position(0));
        assertEquals(new Position(0, 3), layout.position(3));
        assertEquals(new Position(1, 0), layout.position(4));
        assertEquals(new Position(1, 3), layout.position(7));
        for (int i = 0; i < layout.driveCount(); i++) {
            assertEquals(i, layout.driveIndex(layout.position(i)));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> layout.position(8));
        assertThrows(IndexOutOfBoundsException.class, () -> layout.driveIndex(new Position(2, 0)));
    }

    @Test
    @DisplayName("the description reads like the error messages use it")
    void description() {
        assertEquals("2 sets × 4 drives = 8", new SetLayout(2, 4).toString());
        assertEquals("1 set × 1 drive = 1", new SetLayout(1, 1).toString());
    }
}
