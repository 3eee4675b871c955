package dev.cairn.storage.format;

import dev.cairn.storage.object.StorageClass;

/**
 * Parity per storage class for one set size: {@code standard} for S3 {@code STANDARD},
 * {@code reducedRedundancy} for {@code REDUCED_REDUNDANCY}.
 *
 * <p>The constructor only checks what holds for every set size (no negative parity, reduced redundancy never
 * above standard); {@link #validateFor(int)} and the factories check the rest against a set size:
 * <ul>
 *   <li>parity is at most half the set, so data shards are never fewer than parity shards and a write can
 *       always reach a quorum on a healthy set;</li>
 *   <li>parity 0 is only allowed for a set of one drive: on a real erasure set it would silently give up the
 *       reason the set exists.</li>
 * </ul>
 */
public record StorageClassParity(int standard, int reducedRedundancy) {

    public StorageClassParity {
        if (standard < 0 || reducedRedundancy < 0) {
            throw new IllegalArgumentException("parity is never negative: standard " + standard
                    + ", reduced redundancy " + reducedRedundancy);
        }
        if (reducedRedundancy > standard) {
            throw new IllegalArgumentException("reduced-redundancy parity " + reducedRedundancy
                    + " exceeds standard parity " + standard + ": it is allowed at most " + standard);
        }
    }

    /** Standard = {@link SetLayout#defaultParity(int)}, reduced redundancy = min(1, standard). */
    public static StorageClassParity defaults(int setSize) {
        int standard = SetLayout.defaultParity(setSize);
        return new StorageClassParity(standard, Math.min(1, standard));
    }

    /** A configured standard parity, reduced redundancy left at its default min(1, standard); validated. */
    public static StorageClassParity of(int setSize, int standard) {
        return of(setSize, standard, Math.min(1, standard));
    }

    /** Both parities configured; validated against the set size. */
    public static StorageClassParity of(int setSize, int standard, int reducedRedundancy) {
        return new StorageClassParity(standard, reducedRedundancy).validateFor(setSize);
    }

    /**
     * Returns this when both parities are allowed for a set of {@code setSize} drives.
     *
     * @throws IllegalArgumentException saying which values are allowed
     */
    public StorageClassParity validateFor(int setSize) {
        check("standard", standard, setSize);
        check("reduced-redundancy", reducedRedundancy, setSize);
        return this;
    }

    private static void check(String name, int parity, int setSize) {
        if (setSize < 1 || setSize > SetLayout.MAX_SET_SIZE) {
            throw new IllegalArgumentException(
                    "an erasure set has 1 to " + SetLayout.MAX_SET_SIZE + " drives, got " + setSize);
        }
        if (setSize == 1) {
            if (parity != 0) {
                throw new IllegalArgumentException(name + " parity " + parity
                        + " is not allowed for a set of 1 drive: a single drive has no parity, only 0 is allowed");
            }
            return;
        }
        int max = setSize / 2;
        if (parity < 1 || parity > max) {
            throw new IllegalArgumentException(name + " parity " + parity + " is not allowed for a set of "
                    + setSize + " drives: allowed is 1 to " + max + " (at most half the set"
                    + (parity == 0 ? "; 0 only for a single-drive deployment)" : ")"));
        }
    }

    public int parity(StorageClass storageClass) {
        return switch (storageClass) {
            case STANDARD -> standard;
            case REDUCED_REDUNDANCY -> reducedRedundancy;
        };
    }

    /** The quorum of {@code storageClass} on a set of {@code setSize} drives. */
    public Quorum quorum(StorageClass storageClass, int setSize) {
        return Quorum.forSet(setSize, parity(storageClass));
    }
}
