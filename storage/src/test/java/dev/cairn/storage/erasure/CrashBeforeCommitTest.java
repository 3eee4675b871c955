package dev.cairn.storage.erasure;

import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a writer JVM in the middle of a commit (after shards are staged on every drive, with 0..4 of the 4
 * drives committed) and checks what a restarted node sees: never a half-visible object. Below read quorum the
 * object is invisible and healing removes the leftovers; at read quorum or more it is whole, and healing
 * completes it on every drive.
 */
class CrashBeforeCommitTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "halt after {0} of 4 commits, size {1}")
    @CsvSource({"0, 3000000", "1, 3000000", "2, 3000000", "3, 3000000", "1, 1000", "2, 1000"})
    void aCrashMidCommitLeavesNoHalfVisibleObject(int committed, int size) throws Exception {
        List<String> roots = new ArrayList<>();
        try (TestSets t = new TestSets(dir, 4, 2)) {
            t.layer.makeBucket("bucket");
            t.roots.forEach(r -> roots.add(r.toString()));
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                Integer.toString(committed), Integer.toString(size)));
        cmd.addAll(roots);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "writer did not finish");
        assertEquals(137, p.exitValue(), "the writer must die mid-commit");

        try (TestSets t = new TestSets(dir, 4, 2)) { // same directories: a restart
            t.layer.cleanStaging();
            byte[] expected = TestSets.random(99, size);
            boolean visible;
            try {
                assertArrayEquals(expected, t.get("bucket", "obj"), "a visible object must be whole");
                visible = true;
            } catch (ObjectException e) {
                assertEquals(ObjectError.OBJECT_NOT_FOUND, e.error(), e.getMessage());
                visible = false;
            }
            assertEquals(committed >= 2, visible, "visible exactly when read quorum (2) drives committed");
            HealResult healed = t.layer.healObject("bucket", "obj", true);
            if (visible) {
                assertEquals(4 - committed, healed.shardsWritten());
                for (int i = 0; i < 2; i++) {
                    t.drives.get(i).set(FaultyDrive.Fault.OFFLINE); // any two drives now suffice
                }
                assertArrayEquals(expected, t.get("bucket", "obj"));
            } else {
                assertEquals(committed > 0 ? 1 : 0, healed.danglingRemoved());
                for (Path root : t.roots) {
                    assertTrue(java.nio.file.Files.notExists(root.resolve("bucket/obj")), "leftover on " + root);
                }
            }
            for (Path root : t.roots) {
                assertEquals(0, FaultInjectionTest.countFiles(root.resolve(".cairn.sys/tmp")), "staging on " + root);
            }
        }
    }
}
