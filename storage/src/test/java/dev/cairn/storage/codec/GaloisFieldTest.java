package dev.cairn.storage.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GaloisFieldTest {

    /** Multiplication the slow way: carry-less product, reduced by the polynomial. Independent of the tables. */
    private static int slowMul(int a, int b) {
        int product = 0;
        for (int bit = 0; bit < 8; bit++) {
            if ((b >> bit & 1) != 0) {
                product ^= a << bit;
            }
        }
        for (int bit = 15; bit >= 8; bit--) {
            if ((product >> bit & 1) != 0) {
                product ^= GaloisField.POLYNOMIAL << (bit - 8);
            }
        }
        return product;
    }

    @Test
    void multiplicationTableIsTheCarrylessProductModulo0x11D() {
        for (int a = 0; a < 256; a++) {
            byte[] row = GaloisField.mulRow(a);
            for (int b = 0; b < 256; b++) {
                assertEquals(slowMul(a, b), GaloisField.mul(a, b), a + "*" + b);
                assertEquals(slowMul(a, b), row[b] & 0xFF, "mulRow(" + a + ")[" + b + "]");
            }
        }
    }

    @Test
    void twoGeneratesTheWholeMultiplicativeGroup() {
        Set<Integer> seen = new HashSet<>();
        for (int n = 0; n < 255; n++) {
            seen.add(GaloisField.exp(n));
            assertEquals(n, GaloisField.log(GaloisField.exp(n)));
        }
        assertEquals(255, seen.size());
        assertEquals(0x1D, GaloisField.exp(8), "2^8 reduces to the low byte of the polynomial");
        assertEquals(1, GaloisField.exp(255));
    }

    @Test
    void divisionAndInverseUndoMultiplication() {
        for (int a = 0; a < 256; a++) {
            for (int b = 1; b < 256; b++) {
                assertEquals(a, GaloisField.div(GaloisField.mul(a, b), b), a + "*" + b + "/" + b);
            }
            if (a != 0) {
                assertEquals(1, GaloisField.mul(a, GaloisField.inverse(a)), "a * a^-1 for a=" + a);
            }
        }
        assertThrows(ArithmeticException.class, () -> GaloisField.div(3, 0));
        assertThrows(ArithmeticException.class, () -> GaloisField.inverse(0));
        assertThrows(ArithmeticException.class, () -> GaloisField.log(0));
        assertThrows(IllegalArgumentException.class, () -> GaloisField.mul(256, 1));
    }

    @Test
    void powerIsRepeatedMultiplicationWithZeroToTheZeroBeingOne() {
        assertEquals(1, GaloisField.pow(0, 0));
        assertEquals(0, GaloisField.pow(0, 5));
        for (int a = 1; a < 256; a++) {
            int expected = 1;
            for (int n = 0; n < 300; n++) {
                assertEquals(expected, GaloisField.pow(a, n), a + "^" + n);
                expected = GaloisField.mul(expected, a);
            }
        }
    }

    @Test
    void inverseTimesMatrixIsIdentity() {
        Random random = new Random(42);
        int inverted = 0;
        while (inverted < 50) {
            byte[][] m = new byte[1 + random.nextInt(12)][];
            for (int r = 0; r < m.length; r++) {
                m[r] = new byte[m.length];
                random.nextBytes(m[r]);
            }
            byte[][] inverse;
            try {
                inverse = GaloisField.invert(m);
            } catch (IllegalArgumentException singular) {
                continue;
            }
            assertArrayEquals(identity(m.length), GaloisField.multiply(m, inverse));
            assertArrayEquals(identity(m.length), GaloisField.multiply(inverse, m));
            inverted++;
        }
    }

    @Test
    void singularAndNonSquareMatricesAreRefused() {
        byte[][] singular = {{1, 2}, {2, 4}};
        assertThrows(IllegalArgumentException.class, () -> GaloisField.invert(singular));
        byte[][] original = {{1, 2}, {2, 4}};
        assertArrayEquals(original, singular, "invert must not modify its argument");
        assertThrows(IllegalArgumentException.class, () -> GaloisField.invert(new byte[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> GaloisField.multiply(new byte[][] {{1, 2}}, new byte[][] {{1}}));
    }

    static byte[][] identity(int n) {
        byte[][] id = new byte[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }
}
