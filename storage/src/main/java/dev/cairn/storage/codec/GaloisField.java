package dev.cairn.storage.codec;

/**
 * Arithmetic in GF(2^8) with the reducing polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D) and generator 2: the
 * field ISA-L uses, so its tables and ours agree element for element.
 *
 * <p>Field elements are {@code int}s in {@code 0..255}; matrices are {@code byte[row][column]} whose bytes are
 * read unsigned. Addition is XOR, so it has no method here. Every method is a pure function over immutable
 * tables and is safe to call from any thread.
 */
public final class GaloisField {

    /** The reducing polynomial including its x^8 term. */
    public static final int POLYNOMIAL = 0x11D;

    /** Number of field elements. */
    public static final int SIZE = 256;

    /** {@code EXP[i] = 2^i}, doubled in length so {@code EXP[log a + log b]} needs no modulo. */
    private static final int[] EXP = new int[2 * 255];

    /** {@code LOG[a]} for {@code a != 0}; {@code LOG[0]} is unused. */
    private static final int[] LOG = new int[SIZE];

    /** {@code MUL[a << 8 | b] = a * b}: 64 KiB, one lookup per product. */
    private static final byte[] MUL = new byte[SIZE * SIZE];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            EXP[i + 255] = x;
            LOG[x] = i;
            x <<= 1;
            if (x >= SIZE) {
                x ^= POLYNOMIAL;
            }
        }
        for (int a = 1; a < SIZE; a++) {
            for (int b = 1; b < SIZE; b++) {
                MUL[a << 8 | b] = (byte) EXP[LOG[a] + LOG[b]];
            }
        }
    }

    private GaloisField() {
    }

    public static int mul(int a, int b) {
        return MUL[checked(a) << 8 | checked(b)] & 0xFF;
    }

    /** {@code a / b}; throws {@link ArithmeticException} when {@code b == 0}. */
    public static int div(int a, int b) {
        if (checked(b) == 0) {
            throw new ArithmeticException("division by zero in GF(2^8)");
        }
        return checked(a) == 0 ? 0 : EXP[LOG[a] + 255 - LOG[b]];
    }

    /** The multiplicative inverse; throws {@link ArithmeticException} for 0, which has none. */
    public static int inverse(int a) {
        return div(1, a);
    }

    /** {@code 2^n} for any {@code n >= 0}. */
    public static int exp(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative exponent " + n);
        }
        return EXP[n % 255];
    }

    /** The discrete logarithm base 2; throws {@link ArithmeticException} for 0. */
    public static int log(int a) {
        if (checked(a) == 0) {
            throw new ArithmeticException("log(0) is undefined in GF(2^8)");
        }
        return LOG[a];
    }

    /** {@code a^n} with the convention {@code 0^0 = 1} (the Vandermonde matrix of the format relies on it). */
    public static int pow(int a, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative exponent " + n);
        }
        if (n == 0) {
            return 1;
        }
        return checked(a) == 0 ? 0 : EXP[(int) ((long) LOG[a] * n % 255)];
    }

    /** The 256 products {@code c * x} for {@code x = 0..255}, as a fresh array indexed by {@code x}. */
    public static byte[] mulRow(int c) {
        byte[] row = new byte[SIZE];
        System.arraycopy(MUL, checked(c) << 8, row, 0, SIZE);
        return row;
    }

    /** The matrix product {@code a × b}; {@code a}'s column count must equal {@code b}'s row count. */
    public static byte[][] multiply(byte[][] a, byte[][] b) {
        int inner = b.length;
        int columns = inner == 0 ? 0 : b[0].length;
        byte[][] product = new byte[a.length][columns];
        for (int r = 0; r < a.length; r++) {
            if (a[r].length != inner) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + a[r].length + " columns, the right operand has " + inner + " rows");
            }
            for (int i = 0; i < inner; i++) {
                int base = (a[r][i] & 0xFF) << 8;
                for (int c = 0; c < columns; c++) {
                    product[r][c] ^= MUL[base | (b[i][c] & 0xFF)];
                }
            }
        }
        return product;
    }

    /**
     * The inverse of a square matrix by Gauss-Jordan elimination; the argument is not modified.
     *
     * @throws IllegalArgumentException when the matrix is not square or is singular
     */
    public static byte[][] invert(byte[][] matrix) {
        int n = matrix.length;
        byte[][] work = new byte[n][];
        byte[][] inverse = new byte[n][n];
        for (int r = 0; r < n; r++) {
            if (matrix[r].length != n) {
                throw new IllegalArgumentException("not square: row " + r + " has " + matrix[r].length
                        + " columns, expected " + n);
            }
            work[r] = matrix[r].clone();
            inverse[r][r] = 1;
        }
        for (int col = 0; col < n; col++) {
            swapInPivot(work, inverse, col);
            scaleRow(work[col], inverse[col], inverse(work[col][col] & 0xFF));
            for (int r = 0; r < n; r++) {
                int factor = work[r][col] & 0xFF;
                if (r != col && factor != 0) {
                    addScaledRow(work[r], work[col], factor);
                    addScaledRow(inverse[r], inverse[col], factor);
                }
            }
        }
        return inverse;
    }

    /** Moves a row with a non-zero entry in {@code col} (at or below the diagonal) onto the diagonal. */
    private static void swapInPivot(byte[][] work, byte[][] inverse, int col) {
        for (int r = col; r < work.length; r++) {
            if (work[r][col] != 0) {
                swap(work, r, col);
                swap(inverse, r, col);
                return;
            }
        }
        throw new IllegalArgumentException("singular matrix: no pivot in column " + col);
    }

    private static void swap(byte[][] rows, int i, int j) {
        byte[] t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
    }

    private static void scaleRow(byte[] row, byte[] twin, int factor) {
        int base = factor << 8;
        for (int c = 0; c < row.length; c++) {
            row[c] = MUL[base | (row[c] & 0xFF)];
            twin[c] = MUL[base | (twin[c] & 0xFF)];
        }
    }

    /** {@code target += factor * source}. */
    private static void addScaledRow(byte[] target, byte[] source, int factor) {
        int base = factor << 8;
        for (int c = 0; c < target.length; c++) {
            target[c] ^= MUL[base | (source[c] & 0xFF)];
        }
    }

    private static int checked(int a) {
        if ((a & ~0xFF) != 0) {
            throw new IllegalArgumentException("not a GF(2^8) element: " + a);
        }
        return a;
    }
}
