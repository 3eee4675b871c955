package dev.cairn.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EllipsesTest {

    @Test
    @DisplayName("a simple range expands to every number, in order")
    void simpleRange() {
        assertEquals(List.of("/data/d1", "/data/d2", "/data/d3", "/data/d4"),
                Ellipses.expand(List.of("/data/d{1...4}")));
    }

    @Test
    @DisplayName("a zero-padded range keeps its width")
    void zeroPadded() {
        List<String> expected = IntStream.rangeClosed(1, 16).mapToObj(i -> "/mnt/disk%02d".formatted(i)).toList();
        assertEquals(expected, Ellipses.expand(List.of("/mnt/disk{01...16}")));
    }

    @Test
    @DisplayName("an unpadded range does not pad")
    void unpadded() {
        assertEquals(List.of("/d8", "/d9", "/d10"), Ellipses.expand(List.of("/d{8...10}")));
    }

    @Test
    @DisplayName("padding follows the wider bound")
    void paddingToWiderBound() {
        assertEquals(List.of("/d098", "/d099", "/d100"), Ellipses.expand(List.of("/d{098...100}")));
    }

    @Test
    @DisplayName("a range of one value is allowed")
    void singleValueRange() {
        assertEquals(List.of("/d3"), Ellipses.expand(List.of("/d{3...3}")));
    }

    @Test
    @DisplayName("several ranges in one argument are a cartesian product, leftmost slowest")
    void cartesianProduct() {
        assertEquals(List.of(
                        "http://host1/disk1", "http://host1/disk2",
                        "http://host2/disk1", "http://host2/disk2"),
                Ellipses.expand(List.of("http://host{1...2}/disk{1...2}")));
    }

    @Test
    @DisplayName("several arguments concatenate in order")
    void argumentsConcatenate() {
        assertEquals(List.of("/a1", "/a2", "/b", "/c1", "/c2"),
                Ellipses.expand(List.of("/a{1...2}", "/b", "/c{1...2}")));
    }

    @Test
    @DisplayName("an argument without ellipses is itself, dots and all")
    void literalArgument() {
        assertEquals(List.of("/data/plain", "/data/x...y"), Ellipses.expand(List.of("/data/plain", "/data/x...y")));
    }

    @Test
    @DisplayName("no arguments expand to no paths")
    void noArguments() {
        assertEquals(List.of(), Ellipses.expand(List.of()));
    }

    @Test
    @DisplayName("start greater than end is refused, naming the argument")
    void startAfterEnd() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ellipses.expand(List.of("/d{4...1}")));
        assertTrue(e.getMessage().contains("'/d{4...1}'"), e.getMessage());
        assertTrue(e.getMessage().contains("greater than"), e.getMessage());
    }

    @ParameterizedTest(name = "non-numeric bound: {0}")
    @ValueSource(strings = {"/d{a...d}", "/d{1...x}", "/d{...4}", "/d{1...}", "/d{-1...4}", "/d{1....4}", "/d{ 1...4}"})
    void nonNumericBounds(String arg) {
        var e = assertThrows(IllegalArgumentException.class, () -> Ellipses.expand(List.of(arg)));
        assertTrue(e.getMessage().contains("'" + arg + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("not a non-negative integer"), e.getMessage());
    }

    @ParameterizedTest(name = "not a range: {0}")
    @ValueSource(strings = {"/d{1..4}", "/d{}", "/d{a,b}"})
    void bracesWithoutRange(String arg) {
        var e = assertThrows(IllegalArgumentException.class, () -> Ellipses.expand(List.of(arg)));
        assertTrue(e.getMessage().contains("'" + arg + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("{start...end}"), e.getMessage());
    }

    @ParameterizedTest(name = "unbalanced braces: {0}")
    @ValueSource(strings = {"/d{1...4", "/d1...4}", "/d{{1...4}}", "/d{1...{2}...4}", "/d}{1...2}"})
    void unbalancedBraces(String arg) {
        var e = assertThrows(IllegalArgumentException.class, () -> Ellipses.expand(List.of(arg)));
        assertTrue(e.getMessage().contains("'" + arg + "'"), e.getMessage());
    }

    @Test
    @DisplayName("a too-large bound is refused rather than overflowing")
    void hugeBound() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ellipses.expand(List.of("/d{1...99999999999}")));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    @DisplayName("an expansion too big to be a real deployment is refused")
    void hugeExpansion() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Ellipses.expand(List.of("/d{1...1000}/e{1...1000}")));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @Test
    @DisplayName("a path produced by two arguments is refused, naming both")
    void duplicateAcrossArguments() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Ellipses.expand(List.of("/data/d{1...4}", "/data/d{4...6}")));
        assertTrue(e.getMessage().contains("/data/d4"), e.getMessage());
        assertTrue(e.getMessage().contains("'/data/d{1...4}'"), e.getMessage());
        assertTrue(e.getMessage().contains("'/data/d{4...6}'"), e.getMessage());
    }

    @Test
    @DisplayName("a path produced twice by one argument is refused")
    void duplicateWithinArgument() {
        // (1, 11) and (11, 1) both give /d111.
        var e = assertThrows(IllegalArgumentException.class, () -> Ellipses.expand(List.of("/d{1...11}{1...11}")));
        assertTrue(e.getMessage().contains("/d111"), e.getMessage());
        assertTrue(e.getMessage().contains("more than once"), e.getMessage());
    }

    @Test
    @DisplayName("a repeated literal argument is refused")
    void duplicateLiteral() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ellipses.expand(List.of("/a", "/b", "/a")));
        assertTrue(e.getMessage().contains("/a"), e.getMessage());
    }

    @ParameterizedTest(name = "empty argument: \"{0}\"")
    @ValueSource(strings = {"", "  "})
    void emptyArgument(String arg) {
        assertThrows(IllegalArgumentException.class, () -> Ellipses.expand(List.of(arg)));
    }
}
