package dev.cairn.storage.codec;

import static dev.cairn.storage.codec.CodecFixtures.contents;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.storage.codec.CodecFixtures.Shape;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Losing any {@code parity} shards, data or parity, must be survivable; losing one more must be refused. */
class ReconstructTest {

    /** Stripes of at most this many shards are tested with every loss pattern, larger ones with random ones. */
    private static final int EXHAUSTIVE_UP_TO = 16;
    private static final int RANDOM_PATTERNS = 300;

    @ParameterizedTest(name = "{0} {1}+{2}")
    @MethodSource("dev.cairn.storage.codec.CodecFixtures#implementationsAndGeometries")
    void everyPatternOfUpToParityLostShardsIsRebuilt(Codecs.Implementation impl, int k, int m) {
        ErasureCodec codec = CodecFixtures.codec(impl, k, m);
        byte[][] stripe = stripe(k, m, 33, k * 100L + m);
        for (boolean[] present : lossPatterns(k, m, new Random(k * 7L + m))) {
            assertRebuilt(codec, stripe, present, Shape.HEAP);
        }
    }

    @ParameterizedTest(name = "{0} {1}+{2} shard {3} B")
    @MethodSource("dev.cairn.storage.codec.CodecFixtures#implementationsGeometriesAndSizes")
    void randomLossesAreRebuiltAtEveryShardSize(Codecs.Implementation impl, int k, int m, int size) {
        ErasureCodec codec = CodecFixtures.codec(impl, k, m);
        byte[][] stripe = stripe(k, m, size, size * 31L + k);
        Random random = new Random(size + 17L * k + m);
        Shape[] shapes = {Shape.HEAP, Shape.HEAP_OFFSET, Shape.DIRECT, Shape.DIRECT_OFFSET};
        for (Shape shape : shapes) {
            assertRebuilt(codec, stripe, randomLoss(k + m, m, random), shape);
        }
    }

    @ParameterizedTest
    @EnumSource(Codecs.Implementation.class)
    void tooFewShardsIsRefusedWithTheCounts(Codecs.Implementation impl) {
        ErasureCodec codec = CodecFixtures.codec(impl, 4, 2);
        ByteBuffer[] shards = CodecFixtures.wrap(stripe(4, 2, 64, 1), Shape.HEAP);
        boolean[] present = {true, false, true, false, true, false};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec.reconstruct(shards, present));
        assertTrue(e.getMessage().contains("need 4 shards, only 3 present"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Codecs.Implementation.class)
    void malformedArgumentsAreRefusedByName(Codecs.Implementation impl) {
        ErasureCodec codec = CodecFixtures.codec(impl, 4, 2);
        ByteBuffer[] shards = CodecFixtures.wrap(stripe(4, 2, 64, 2), Shape.HEAP);
        boolean[] present = {true, true, true, true, false, true};
        assertMessage("expected 6 present flags", () -> codec.reconstruct(shards, new boolean[5]));
        assertMessage("expected 6 stripe shards, got 5", () -> codec.reconstruct(Arrays.copyOf(shards, 5), present));
        shards[3] = ByteBuffer.allocate(63);
        assertMessage("stripe shard 3 has 63 bytes remaining", () -> codec.reconstruct(shards, present));
        shards[3] = ByteBuffer.allocate(64);
        shards[4] = ByteBuffer.allocate(64).asReadOnlyBuffer();
        assertMessage("missing shard 4 is read-only", () -> codec.reconstruct(shards, present));
        ByteBuffer[] data = Arrays.copyOf(shards, 4);
        assertMessage("expected 2 parity shards, got 1",
                () -> codec.encodeParity(data, new ByteBuffer[] {ByteBuffer.allocate(64)}));
        assertMessage("data shard 2 is null", () -> codec.encodeParity(
                new ByteBuffer[] {data[0], data[1], null, data[3]}, new ByteBuffer[2]));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should say '" + expected + "'");
    }

    /** Loses the shards not {@code present} (garbage-filled), rebuilds, and compares every shard. */
    private static void assertRebuilt(ErasureCodec codec, byte[][] stripe, boolean[] present, Shape shape) {
        ByteBuffer[] shards = CodecFixtures.wrap(stripe, shape);
        for (int i = 0; i < shards.length; i++) {
            if (!present[i]) {
                shards[i].put(shards[i].position(), garbage(stripe[i].length));
            }
        }
        codec.reconstruct(shards, present.clone());
        for (int i = 0; i < shards.length; i++) {
            assertArrayEquals(stripe[i], contents(shards[i]),
                    codec + " shard " + i + " after losing " + lost(present) + " (" + shape + ")");
            assertTrue(CodecFixtures.guardsIntact(shards[i]), "bytes outside shard " + i + " were written");
            assertEquals(stripe[i].length, shards[i].remaining(), "shard " + i + " position moved");
        }
    }

    /** Random data shards followed by their parity by the definition. */
    static byte[][] stripe(int k, int m, int size, long seed) {
        byte[][] data = CodecFixtures.randomShards(k, size, seed);
        byte[][] stripe = Arrays.copyOf(data, k + m);
        System.arraycopy(CodecFixtures.definitionParity(data, m), 0, stripe, k, m);
        return stripe;
    }

    /** Every subset of at most {@code m} lost shards for small stripes, else random ones. */
    static List<boolean[]> lossPatterns(int k, int m, Random random) {
        int n = k + m;
        List<boolean[]> patterns = new ArrayList<>();
        if (n > EXHAUSTIVE_UP_TO) {
            for (int i = 0; i < RANDOM_PATTERNS; i++) {
                patterns.add(randomLoss(n, m, random));
            }
            return patterns;
        }
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) <= m) {
                boolean[] present = new boolean[n];
                for (int i = 0; i < n; i++) {
                    present[i] = (mask & 1 << i) == 0;
                }
                patterns.add(present);
            }
        }
        return patterns;
    }

    /** Between 1 and {@code maxLost} lost shards (none when {@code maxLost} is 0), at random positions. */
    static boolean[] randomLoss(int n, int maxLost, Random random) {
        boolean[] present = new boolean[n];
        Arrays.fill(present, true);
        int lost = maxLost == 0 ? 0 : 1 + random.nextInt(maxLost);
        for (int done = 0; done < lost; ) {
            int i = random.nextInt(n);
            if (present[i]) {
                present[i] = false;
                done++;
            }
        }
        return present;
    }

    private static List<Integer> lost(boolean[] present) {
        List<Integer> lost = new ArrayList<>();
        for (int i = 0; i < present.length; i++) {
            if (!present[i]) {
                lost.add(i);
            }
        }
        return lost;
    }

    private static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 0x5A);
        return bytes;
    }
}
