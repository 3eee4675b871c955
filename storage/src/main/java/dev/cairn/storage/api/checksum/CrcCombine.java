package dev.cairn.storage.api.checksum;

/**
 * Combining CRCs of consecutive pieces, zlib's {@code crc32_combine} reasoned out for any reflected CRC whose
 * initial value equals its final xor (all three S3 CRCs): {@code crc(A || B) = crc(A) * x^(8 |B|) + crc(B)},
 * multiplication and addition in GF(2)[x] modulo the polynomial. The initial value's and the final xor's
 * contributions cancel because they are equal. Cost: O(log |B|) polynomial multiplications, whatever the size.
 *
 * <p>Reflected representation of width w: bit w-1 is the coefficient of x^0, bit 0 that of x^(w-1).
 */
final class CrcCombine {

    private final long poly;
    private final int width;

    /** {@code reflectedPoly} as the table-driven CRC uses it; {@code width} 32 or 64. */
    CrcCombine(long reflectedPoly, int width) {
        this.poly = reflectedPoly;
        this.width = width;
    }

    static final CrcCombine CRC32 = new CrcCombine(0xEDB88320L, 32);
    static final CrcCombine CRC32C = new CrcCombine(0x82F63B78L, 32);
    static final CrcCombine CRC64NVME = new CrcCombine(Crc64Nvme.POLY, 64);

    static CrcCombine of(ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> CRC32;
            case CRC32C -> CRC32C;
            case CRC64NVME -> CRC64NVME;
            case SHA1, SHA256 -> throw new IllegalArgumentException(algorithm + " values do not combine");
        };
    }

    /** The CRC of A followed by B, from the CRC of A, the CRC of B and B's length in bytes. */
    long combine(long crcA, long crcB, long lengthB) {
        if (lengthB == 0) {
            return crcA;
        }
        return multiply(xPower8n(lengthB), crcA) ^ crcB;
    }

    /** x^(8n) modulo the polynomial, by square-and-multiply over the bits of n. */
    long xPower8n(long n) {
        long result = 1L << (width - 1); // x^0
        long square = 1L << (width - 1 - 8); // x^8
        while (n != 0) {
            if ((n & 1) != 0) {
                result = multiply(result, square);
            }
            square = multiply(square, square);
            n >>>= 1;
        }
        return result;
    }

    /** a * b modulo the polynomial. */
    long multiply(long a, long b) {
        long product = 0;
        for (long m = 1L << (width - 1); m != 0 && a != 0; m >>>= 1) {
            if ((a & m) != 0) {
                product ^= b;
                a ^= m;
            }
            b = (b & 1) != 0 ? (b >>> 1) ^ poly : b >>> 1;
        }
        return product;
    }
}
