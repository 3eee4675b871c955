package dev.cairn.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.storage.object.StorageClass;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorageClassParityTest {

    @ParameterizedTest(name = "set size {0} → standard {1}, reduced redundancy {2}")
    @CsvSource({"1, 0, 0", "2, 1, 1", "3, 1, 1", "4, 2, 1", "6, 3, 1", "8, 4, 1", "16, 4, 1"})
    void defaults(int setSize, int standard, int reduced) {
        StorageClassParity parity = StorageClassParity.defaults(setSize);
        assertEquals(new StorageClassParity(standard, reduced), parity);
        assertEquals(parity, parity.validateFor(setSize));
    }

    @ParameterizedTest(name = "set size {0} accepts standard {1}, reduced redundancy {2}")
    @CsvSource({"16, 8, 8", "16, 8, 1", "8, 4, 4", "5, 2, 2", "2, 1, 1", "1, 0, 0"})
    void acceptedParities(int setSize, int standard, int reduced) {
        assertEquals(new StorageClassParity(standard, reduced), StorageClassParity.of(setSize, standard, reduced));
    }

    @Test
    @DisplayName("configuring only standard parity leaves reduced redundancy at min(1, standard)")
    void reducedDefaultsFromStandard() {
        assertEquals(new StorageClassParity(6, 1), StorageClassParity.of(12, 6));
        assertEquals(new StorageClassParity(0, 0), StorageClassParity.of(1, 0));
    }

    @ParameterizedTest(name = "set size {0}, standard {1}, reduced {2}: \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "16 | 9 | 1 | standard parity 9 is not allowed for a set of 16 drives: allowed is 1 to 8",
            "5  | 3 | 1 | standard parity 3 is not allowed for a set of 5 drives: allowed is 1 to 2",
            "4  | 0 | 0 | 0 only for a single-drive deployment",
            "4  | 2 | 0 | reduced-redundancy parity 0 is not allowed for a set of 4 drives: allowed is 1 to 2",
            "8  | 2 | 3 | reduced-redundancy parity 3 exceeds standard parity 2: it is allowed at most 2",
            "1  | 1 | 0 | standard parity 1 is not allowed for a set of 1 drive",
            "1  | 1 | 1 | only 0 is allowed",
    })
    void refusedParities(int setSize, int standard, int reduced, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> StorageClassParity.of(setSize, standard, reduced));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    @DisplayName("negative parity is refused for any set size")
    void negativeParity() {
        assertThrows(IllegalArgumentException.class, () -> new StorageClassParity(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new StorageClassParity(2, -1));
    }

    @Test
    @DisplayName("each storage class maps to its parity and quorum")
    void perStorageClass() {
        StorageClassParity parity = StorageClassParity.defaults(16);
        assertEquals(4, parity.parity(StorageClass.STANDARD));
        assertEquals(1, parity.parity(StorageClass.REDUCED_REDUNDANCY));
        assertEquals(new Quorum(12, 4), parity.quorum(StorageClass.STANDARD, 16));
        assertEquals(new Quorum(15, 1), parity.quorum(StorageClass.REDUCED_REDUNDANCY, 16));
    }
}
