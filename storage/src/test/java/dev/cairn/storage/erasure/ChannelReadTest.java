package dev.cairn.storage.erasure;

import dev.cairn.storage.erasure.ErasureRoundTripTest.Geometry;
import dev.cairn.storage.erasure.FaultyDrive.Fault;
import dev.cairn.storage.object.ObjectStream;
import dev.cairn.storage.object.RangeSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * An object's body read as a channel, the way a GET sends it: whole blocks go from the shard files straight into
 * the caller's buffer, everything else (ranges that cut a block, small or heap buffers, lost or corrupt shards)
 * through the block copy. Every way must give the object's bytes.
 */
class ChannelReadTest {

    static final int B = ErasureConfig.DEFAULT_BLOCK_SIZE;
    /** What a GET reads into: a block and the padding of its last shard. */
    static final int CHUNK = B + 4096;

    @TempDir
    Path dir;

    static Stream<Arguments> geometriesAndSizes() {
        return ErasureRoundTripTest.geometriesAndSizes();
    }

    @ParameterizedTest(name = "{0} size {1}")
    @MethodSource("geometriesAndSizes")
    void everyBufferKindReadsTheObjectWithAndWithoutALostDrive(Geometry g, int size) throws IOException {
        try (TestSets t = new TestSets(dir, g.drives(), g.parity())) {
            t.layer.makeBucket("bucket");
            byte[] data = TestSets.random(size, size);
            t.put("bucket", "obj", data);
            assertReadsEveryWay(t, data, null);
            if (g.parity() > 0) {
                t.drives.get(0).set(Fault.OFFLINE);
                assertReadsEveryWay(t, data, null);
            }
        }
    }

    static Stream<Arguments> ranges() {
        return ErasureRoundTripTest.ranges();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void rangesOnHealthyDrives(String name, Long first, Long last) throws IOException {
        try (TestSets t = new TestSets(dir, 4, 2)) {
            t.layer.makeBucket("bucket");
            byte[] data = TestSets.random(3, 3 * B + 17);
            t.put("bucket", "obj", data);
            RangeSpec spec = new RangeSpec(first, last);
            var r = spec.resolve(data.length);
            assertReadsEveryWay(t, Arrays.copyOfRange(data, (int) r.offset(), (int) r.end()), spec);
        }
    }

    static Stream<Arguments> corruptions() {
        // geometry, data shard (1-based) whose block 1 is damaged on disk
        return Stream.of(Arguments.of(new Geometry(4, 2), 1), Arguments.of(new Geometry(4, 2), 2),
                Arguments.of(new Geometry(6, 3), 3), Arguments.of(new Geometry(3, 1), 2));
    }

    /**
     * Block 0 goes the direct way; in block 1 a data shard fails its check after the ones before it were read
     * into the caller's buffer, so the block is read again and rebuilt from parity; the rest follows without it.
     */
    @ParameterizedTest(name = "{0} shard {1} corrupt in block 1")
    @MethodSource("corruptions")
    void aShardCorruptMidObjectIsRebuiltAndQueuedForHealing(Geometry g, int shard) throws IOException {
        try (TestSets t = new TestSets(dir, g.drives(), g.parity())) {
            t.layer.makeBucket("bucket");
            byte[] data = TestSets.random(11, 3 * B + 5);
            t.put("bucket", "obj", data);
            int k = g.drives() - g.parity();
            int shardLen = (B + k - 1) / k;
            corrupt(t, g, shard, (long) (Bitrot.HASH_SIZE + shardLen) + Bitrot.HASH_SIZE + 100);
            assertArrayEquals(data, readWithChannel(t, null, CHUNK, true));
            assertEquals(Set.of("bucket/obj"), t.healQueued, "a corrupt shard queues healing");
        }
    }

    private void corrupt(TestSets t, Geometry g, int shard, long offset) throws IOException {
        int[] dist = Placement.distribution("bucket", "obj", g.drives());
        int pos = 0;
        while (dist[pos] != shard) {
            pos++;
        }
        Path part;
        try (Stream<Path> files = Files.walk(t.roots.get(pos).resolve("bucket"))) {
            part = files.filter(p -> p.getFileName().toString().equals("part.1")).findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(part.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x5a);
        }
    }

    private static void assertReadsEveryWay(TestSets t, byte[] expected, RangeSpec range) throws IOException {
        for (int size : List.of(CHUNK, B, 4096)) {
            for (boolean direct : List.of(true, false)) {
                assertArrayEquals(expected, readWithChannel(t, range, size, direct),
                        (direct ? "direct " : "heap ") + size + "-byte buffer");
            }
        }
    }

    private static byte[] readWithChannel(TestSets t, RangeSpec range, int bufferSize, boolean direct)
            throws IOException {
        try (ObjectStream s = t.layer.getObject("bucket", "obj", null, range)) {
            ReadableByteChannel ch = assertInstanceOf(ReadableByteChannel.class, s.body());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = direct ? ByteBuffer.allocateDirect(bufferSize) : ByteBuffer.allocate(bufferSize);
            for (int n; (n = ch.read(buf.clear())) >= 0; ) {
                assertNotEquals(0, n, "a read into an empty buffer must make progress");
                byte[] chunk = new byte[n];
                buf.flip().get(chunk);
                out.write(chunk);
            }
            return out.toByteArray();
        }
    }
}
