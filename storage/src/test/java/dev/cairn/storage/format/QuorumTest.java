package dev.cairn.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumTest {

    @ParameterizedTest(name = "data {0}, parity {1} → write {2}, read {3}")
    @CsvSource({"12, 4, 12, 12", "4, 4, 5, 4", "1, 1, 2, 1", "2, 1, 2, 2", "3, 3, 4, 3", "1, 0, 1, 1"})
    void quorums(int data, int parity, int write, int read) {
        assertEquals(write, Quorum.writeQuorum(data, parity));
        assertEquals(read, Quorum.readQuorum(data, parity));
        Quorum quorum = new Quorum(data, parity);
        assertEquals(write, quorum.write());
        assertEquals(read, quorum.read());
        assertEquals(data + parity, quorum.total());
    }

    @Test
    @DisplayName("a set's quorum takes its data shards from the set size")
    void forSet() {
        assertEquals(new Quorum(4, 4), Quorum.forSet(8, 4));
        assertEquals(5, Quorum.forSet(8, 4).write());
    }

    @Test
    @DisplayName("no data shards or negative parity are refused")
    void invalid() {
        assertThrows(IllegalArgumentException.class, () -> new Quorum(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Quorum(2, -1));
    }
}
