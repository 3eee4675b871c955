package dev.cairn.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void theLastLinesOfASmallFile() throws IOException {
        Path log = Files.writeString(dir.resolve("a.log"), "one\ntwo\nthree\n");
        assertEquals("two\nthree", LogTail.lastLines(log, 2));
        assertEquals("one\ntwo\nthree", LogTail.lastLines(log, 10));
    }

    @Test
    void aLargeFileIsReadFromItsEndWithoutAHalfLine() throws IOException {
        String text = IntStream.range(0, 200_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        Path log = Files.writeString(dir.resolve("big.log"), text);
        assertEquals("line 199998\nline 199999", LogTail.lastLines(log, 2));
        String many = LogTail.lastLines(log, 1_000_000);
        assertTrue(many.startsWith("line "), many.substring(0, 20)); // the cut first line was dropped
        assertTrue(many.endsWith("line 199999"));
    }

    @Test
    void aMissingLogIsSaidNotThrown() {
        assertTrue(LogTail.lastLines(dir.resolve("none.log"), 5).contains("no log"));
    }
}
