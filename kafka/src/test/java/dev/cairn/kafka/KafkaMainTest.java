package dev.cairn.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argument handling; running a broker through the command line is KafkaMainProcessTest's job. */
class KafkaMainTest {

    @Test
    void defaultsAreDataKafkaAndPort9092() {
        KafkaMain.Args args = KafkaMain.Args.parse();
        assertEquals(Path.of("data/kafka"), args.dir());
        assertEquals(9092, args.port());
    }

    @Test
    void dirAndPortInAnyOrder() {
        assertEquals(new KafkaMain.Args(Path.of("/x"), 19092), KafkaMain.Args.parse("--port", "19092", "--dir", "/x"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--port|--port needs a value",
            "--port abc|not 'abc'",
            "--port 0|from 1 to 65535",
            "--port 65536|from 1 to 65535",
            "--dir|--dir needs a value",
            "--verbose|unknown argument '--verbose'",
            "9092|unknown argument '9092'"})
    void badArgumentsSayWhatIsWrong(String line, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KafkaMain.Args.parse(line.split(" ")));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void badArgumentsExitWithTwoAndTheUsage() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KafkaMain.run(print(out), print(err), "--port", "x");
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: ./cairn kafka"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpExitsWithZero() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, KafkaMain.run(print(out), print(new ByteArrayOutputStream()), "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--dir DIR"));
    }

    private static PrintStream print(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }
}
