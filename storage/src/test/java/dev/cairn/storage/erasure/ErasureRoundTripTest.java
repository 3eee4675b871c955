package dev.cairn.storage.erasure;

import dev.cairn.storage.erasure.FaultyDrive.Fault;
import dev.cairn.storage.object.ObjectError;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.RangeSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Table-driven: every geometry × every interesting size, with drives lost up to and past parity. */
class ErasureRoundTripTest {

    static final int B = ErasureConfig.DEFAULT_BLOCK_SIZE;

    @TempDir
    Path dir;

    record Geometry(int drives, int parity) {
        @Override
        public String toString() {
            return (drives - parity) + "+" + parity;
        }
    }

    static final List<Geometry> GEOMETRIES = List.of(new Geometry(1, 0), new Geometry(2, 1), new Geometry(3, 1),
            new Geometry(4, 2), new Geometry(6, 3), new Geometry(8, 4), new Geometry(16, 4));
    static final int[] SIZES = {0, 1, B - 1, B, B + 1, 3 * B + 17};

    static Stream<Arguments> geometriesAndSizes() {
        List<Arguments> out = new ArrayList<>();
        for (Geometry g : GEOMETRIES) {
            for (int size : SIZES) {
                out.add(Arguments.of(g, size));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} size {1}")
    @MethodSource("geometriesAndSizes")
    void readsBackWithUpToParityDrivesLostAndRefusesPastIt(Geometry g, int size) {
        try (TestSets t = new TestSets(dir, g.drives(), g.parity())) {
            t.layer.makeBucket("bucket");
            byte[] data = TestSets.random(size, size);
            t.put("bucket", "obj", data);
            assertArrayEquals(data, t.get("bucket", "obj"));
            for (int lost = 1; lost <= g.parity(); lost++) {
                t.drives.get(lost - 1).set(Fault.OFFLINE);
                assertArrayEquals(data, t.get("bucket", "obj"), lost + " drives lost");
            }
            if (g.drives() > 1) {
                t.drives.get(g.parity()).set(Fault.OFFLINE);
                ObjectException e = assertThrows(ObjectException.class, () -> t.get("bucket", "obj"));
                assertEquals(ObjectError.INSUFFICIENT_READ_QUORUM, e.error());
            }
        }
    }

    @ParameterizedTest(name = "{0} corrupt shards")
    @MethodSource("geometries")
    void corruptShardsUpToParityAreDetectedAndRebuilt(Geometry g) {
        try (TestSets t = new TestSets(dir, g.drives(), g.parity())) {
            t.layer.makeBucket("bucket");
            byte[] data = TestSets.random(7, 2 * B + 5);
            t.put("bucket", "obj", data);
            // corrupt the drives holding data shards: those are the ones a read uses first
            int[] dist = Placement.distribution("bucket", "obj", g.drives());
            int corrupted = 0;
            for (int pos = 0; pos < g.drives() && corrupted < g.parity(); pos++) {
                if (dist[pos] <= g.drives() - g.parity()) {
                    t.drives.get(pos).set(Fault.CORRUPT_READS);
                    corrupted++;
                }
            }
            assertArrayEquals(data, t.get("bucket", "obj"));
            if (g.parity() > 0) {
                assertEquals(java.util.Set.of("bucket/obj"), t.healQueued, "a corrupt shard queues healing");
            }
        }
    }

    static Stream<Geometry> geometries() {
        return GEOMETRIES.stream();
    }

    static Stream<Arguments> ranges() {
        long size = 3L * B + 17;
        return Stream.of(
                Arguments.of("first byte", 0L, 0L), Arguments.of("last byte of block 0", (long) B - 1, (long) B - 1),
                Arguments.of("across blocks 0-1", (long) B - 1, (long) B), Arguments.of("block 1 whole", (long) B, 2L * B - 1),
                Arguments.of("tail block", 3L * B, size - 1), Arguments.of("open ended", 2L * B + 3, null),
                Arguments.of("suffix 17", null, 17L), Arguments.of("suffix larger than object", null, size + 5),
                Arguments.of("last beyond end", 5L, size * 2), Arguments.of("whole", 0L, size - 1),
                Arguments.of("middle", 12345L, 3L * B - 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void rangesAtEveryBoundaryWithADriveLost(String name, Long first, Long last) {
        try (TestSets t = new TestSets(dir, 4, 2)) {
            t.layer.makeBucket("bucket");
            byte[] data = TestSets.random(3, 3 * B + 17);
            t.put("bucket", "obj", data);
            t.drives.get(0).set(Fault.OFFLINE);
            RangeSpec spec = new RangeSpec(first, last);
            var r = spec.resolve(data.length);
            byte[] expected = Arrays.copyOfRange(data, (int) r.offset(), (int) r.end());
            assertArrayEquals(expected, t.get("bucket", "obj", null, spec));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void unsatisfiableRangeIsRefused(Geometry g) {
        try (TestSets t = new TestSets(dir, g.drives(), g.parity())) {
            t.layer.makeBucket("bucket");
            t.put("bucket", "obj", new byte[10]);
            ObjectException e = assertThrows(ObjectException.class,
                    () -> t.get("bucket", "obj", null, new RangeSpec(10L, null)));
            assertEquals(ObjectError.INVALID_RANGE, e.error());
        }
    }
}
