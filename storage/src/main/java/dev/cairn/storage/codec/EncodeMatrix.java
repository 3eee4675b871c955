package dev.cairn.storage.codec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encode matrix of a (data k, parity m) geometry: <b>this matrix is Cairn's on-disk erasure format</b>.
 * Changing a single coefficient makes every parity shard ever written unreadable, so treat it as frozen; the
 * golden vectors of {@link Codecs#selfTest()} pin it.
 *
 * <h2>Definition</h2>
 * Over GF(2^8) as defined by {@link GaloisField} (polynomial 0x11D, generator 2):
 * <ol>
 *   <li>Build the (k+m)×k Vandermonde matrix {@code V[r][c] = r^c} for rows {@code r = 0..k+m-1}, with
 *       {@code 0^0 = 1} (so row 0 is {@code 1 0 0 ... 0}).</li>
 *   <li>Let {@code T} be the top k×k square of {@code V}; the encode matrix is {@code E = V × T^-1}.</li>
 * </ol>
 * The top k rows of {@code E} are the identity (the code is systematic: data shards are stored as they are)
 * and the bottom m rows are the parity rows: parity shard {@code p} is, byte by byte,
 * {@code sum over c of E[k+p][c] * data[c]}. Shard {@code i} of a stripe is row {@code i} of {@code E}.
 *
 * <p>Because the rows of {@code V} are evaluations at distinct points, any k rows of {@code V} form an
 * invertible Vandermonde matrix, and multiplying by the invertible {@code T^-1} keeps that true for {@code E}:
 * any k of the k+m shards recover the data (the code is MDS). That needs k+m distinct points, hence
 * {@code k + m <= 256}.
 *
 * <p>Instances are immutable; accessors hand out copies. They are cached per geometry for the life of the JVM
 * (a node uses a handful of geometries).
 */
public final class EncodeMatrix {

    /** Largest {@code data + parity}: the number of distinct evaluation points in GF(2^8). */
    public static final int MAX_SHARDS = GaloisField.SIZE;

    private static final Map<Integer, EncodeMatrix> CACHE = new ConcurrentHashMap<>();

    private final int dataShards;
    private final int parityShards;
    private final byte[][] rows;

    private EncodeMatrix(int dataShards, int parityShards) {
        this.dataShards = dataShards;
        this.parityShards = parityShards;
        byte[][] vandermonde = vandermonde(dataShards + parityShards, dataShards);
        byte[][] top = new byte[dataShards][];
        System.arraycopy(vandermonde, 0, top, 0, dataShards);
        this.rows = GaloisField.multiply(vandermonde, GaloisField.invert(top));
    }

    /**
     * The matrix for {@code data} data and {@code parity} parity shards.
     *
     * @throws IllegalArgumentException unless {@code 1 <= data}, {@code 0 <= parity} and
     *                                  {@code data + parity <= 256}
     */
    public static EncodeMatrix of(int data, int parity) {
        checkGeometry(data, parity);
        return CACHE.computeIfAbsent(data << 16 | parity, key -> new EncodeMatrix(data, parity));
    }

    static void checkGeometry(int data, int parity) {
        if (data < 1 || parity < 0 || data + parity > MAX_SHARDS) {
            throw new IllegalArgumentException("unsupported geometry " + data + "+" + parity
                    + ": need 1 <= data, 0 <= parity, data + parity <= " + MAX_SHARDS);
        }
    }

    private static byte[][] vandermonde(int rowCount, int columnCount) {
        byte[][] v = new byte[rowCount][columnCount];
        for (int r = 0; r < rowCount; r++) {
            for (int c = 0; c < columnCount; c++) {
                v[r][c] = (byte) GaloisField.pow(r, c);
            }
        }
        return v;
    }

    public int dataShards() {
        return dataShards;
    }

    public int parityShards() {
        return parityShards;
    }

    public int totalShards() {
        return dataShards + parityShards;
    }

    /** {@code E[row][column]} as an unsigned value. */
    public int coefficient(int row, int column) {
        return rows[row][column] & 0xFF;
    }

    /** Copies of the given rows, in the given order: the coefficients of those shards over the data shards. */
    public byte[][] rows(int... rowIndexes) {
        byte[][] copy = new byte[rowIndexes.length][];
        for (int i = 0; i < rowIndexes.length; i++) {
            copy[i] = rows[rowIndexes[i]].clone();
        }
        return copy;
    }

    /** Copies of the m parity rows (rows k..k+m-1). */
    public byte[][] parityRows() {
        int[] indexes = new int[parityShards];
        for (int p = 0; p < parityShards; p++) {
            indexes[p] = dataShards + p;
        }
        return rows(indexes);
    }

    @Override
    public String toString() {
        return "EncodeMatrix[" + dataShards + "+" + parityShards + "]";
    }
}
