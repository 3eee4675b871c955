package dev.cairn.storage.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EncodeMatrixTest {

    /** Beyond this many k-subsets the MDS check samples instead of enumerating (16+16 has 6·10^8). */
    private static final long EXHAUSTIVE_SUBSETS = 20_000;
    private static final int SAMPLED_SUBSETS = 5_000;

    static Object[][] geometries() {
        Object[][] cases = new Object[CodecFixtures.GEOMETRIES.length][];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = new Object[] {CodecFixtures.GEOMETRIES[i][0], CodecFixtures.GEOMETRIES[i][1]};
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}+{1}")
    @MethodSource("geometries")
    void topIsIdentity(int k, int m) {
        EncodeMatrix matrix = EncodeMatrix.of(k, m);
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                assertEquals(r == c ? 1 : 0, matrix.coefficient(r, c), "E[" + r + "][" + c + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}+{1}")
    @MethodSource("geometries")
    void everyKRowsAreInvertible(int k, int m) {
        EncodeMatrix matrix = EncodeMatrix.of(k, m);
        int n = k + m;
        if (binomial(n, k) <= EXHAUSTIVE_SUBSETS) {
            forEachSubset(n, k, 0, new int[k], 0, rows -> assertInvertible(matrix, rows));
        } else {
            Random random = new Random(n);
            for (int i = 0; i < SAMPLED_SUBSETS; i++) {
                assertInvertible(matrix, random.ints(0, n).distinct().limit(k).sorted().toArray());
            }
        }
    }

    @Test
    void isVandermondeTimesInverseOfItsTop() {
        int k = 5;
        int m = 3;
        byte[][] v = new byte[k + m][k];
        for (int r = 0; r < k + m; r++) {
            for (int c = 0; c < k; c++) {
                v[r][c] = (byte) GaloisField.pow(r, c);
            }
        }
        byte[][] expected = GaloisField.multiply(v, GaloisField.invert(Arrays.copyOf(v, k)));
        EncodeMatrix matrix = EncodeMatrix.of(k, m);
        for (int r = 0; r < k + m; r++) {
            assertArrayEquals(expected[r], matrix.rows(r)[0], "row " + r);
        }
    }

    @Test
    void singleDataShardParityIsACopy() {
        EncodeMatrix matrix = EncodeMatrix.of(1, 3);
        for (byte[] row : matrix.parityRows()) {
            assertArrayEquals(new byte[] {1}, row);
        }
    }

    @Test
    void cachedPerGeometryAndBoundedBy256Shards() {
        assertSame(EncodeMatrix.of(12, 4), EncodeMatrix.of(12, 4));
        assertDoesNotThrow(() -> EncodeMatrix.of(128, 128));
        assertDoesNotThrow(() -> EncodeMatrix.of(1, 255));
        assertThrows(IllegalArgumentException.class, () -> EncodeMatrix.of(200, 57));
        assertThrows(IllegalArgumentException.class, () -> EncodeMatrix.of(0, 2));
        assertThrows(IllegalArgumentException.class, () -> EncodeMatrix.of(4, -1));
    }

    @Test
    void accessorsHandOutCopies() {
        EncodeMatrix matrix = EncodeMatrix.of(4, 2);
        int before = matrix.coefficient(4, 0);
        matrix.parityRows()[0][0] ^= 1;
        matrix.rows(4)[0][0] ^= 1;
        assertEquals(before, matrix.coefficient(4, 0));
    }

    private static void assertInvertible(EncodeMatrix matrix, int[] rows) {
        assertDoesNotThrow(() -> GaloisField.invert(matrix.rows(rows)),
                () -> "rows " + Arrays.toString(rows) + " of " + matrix + " are singular");
    }

    private interface SubsetAction {
        void accept(int[] subset);
    }

    private static void forEachSubset(int n, int k, int start, int[] chosen, int depth, SubsetAction action) {
        if (depth == k) {
            action.accept(chosen);
            return;
        }
        for (int i = start; i <= n - (k - depth); i++) {
            chosen[depth] = i;
            forEachSubset(n, k, i + 1, chosen, depth + 1, action);
        }
    }

    private static long binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}
