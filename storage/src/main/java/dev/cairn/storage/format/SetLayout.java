package dev.cairn.storage.format;

/**
 * How a deployment's drives are cut into erasure sets: {@code setCount} sets of {@code setSize} drives. Drive
 * number {@code i} of the deployment (argument order for a fresh one) sits in set {@code i / setSize} at index
 * {@code i % setSize}.
 *
 * <p>Invariants: at least one set; a set has 1 to {@value #MAX_SET_SIZE} drives; a set of one drive exists
 * only as the single set of a single-drive deployment (it has no parity, so it is not an erasure set in any
 * useful sense, and is only meant for development).
 */
public record SetLayout(int setCount, int setSize) {

    /** The largest erasure set; beyond it encoding cost grows while durability barely does. */
    public static final int MAX_SET_SIZE = 16;

    /** The smallest set that can hold parity. */
    public static final int MIN_SET_SIZE = 2;

    public SetLayout {
        if (setCount < 1) {
            throw new IllegalArgumentException("a layout needs at least one set, got " + setCount);
        }
        if (setSize < 1 || setSize > MAX_SET_SIZE) {
            throw new IllegalArgumentException(
                    "an erasure set has 1 to " + MAX_SET_SIZE + " drives, got " + setSize);
        }
        if (setSize == 1 && setCount != 1) {
            throw new IllegalArgumentException("sets of one drive are only allowed for a single-drive deployment, got "
                    + setCount + " sets of one drive");
        }
    }

    /**
     * The layout for {@code driveCount} drives: the largest set size in {@value #MIN_SET_SIZE}..{@value
     * #MAX_SET_SIZE} that divides the count evenly (larger sets spend a smaller share of capacity on parity);
     * a single drive is one set of one.
     *
     * @throws IllegalArgumentException when the count is below one, or has no divisor in 2..16 (17, 19, 23, 289, ...)
     */
    public static SetLayout forDriveCount(int driveCount) {
        if (driveCount < 1) {
            throw new IllegalArgumentException("a deployment needs at least one drive, got " + driveCount);
        }
        if (driveCount == 1) {
            return new SetLayout(1, 1);
        }
        int size = largestSetSize(driveCount);
        if (size == 0) {
            int below = driveCount - 1;
            while (largestSetSize(below) == 0) {
                below--;
            }
            int above = driveCount + 1;
            while (largestSetSize(above) == 0) {
                above++;
            }
            throw new IllegalArgumentException(driveCount + " drives cannot be split into equal erasure sets of "
                    + MIN_SET_SIZE + " to " + MAX_SET_SIZE + " drives; use a count with a divisor in that range, such as "
                    + below + " or " + above);
        }
        return new SetLayout(driveCount / size, size);
    }

    /** Largest divisor of {@code n} in 2..16, or 0 when there is none. */
    private static int largestSetSize(int n) {
        for (int size = MAX_SET_SIZE; size >= MIN_SET_SIZE; size--) {
            if (n % size == 0) {
                return size;
            }
        }
        return 0;
    }

    /**
     * The default parity for a set of {@code setSize} drives: 1 → 0, 2–3 → 1, 4–5 → 2, 6–7 → 3, 8 and more → 4.
     * That is half the set, capped at 4 (a 16-drive set survives 4 losses while spending only a quarter on parity).
     */
    public static int defaultParity(int setSize) {
        if (setSize < 1 || setSize > MAX_SET_SIZE) {
            throw new IllegalArgumentException(
                    "an erasure set has 1 to " + MAX_SET_SIZE + " drives, got " + setSize);
        }
        return Math.min(4, setSize / 2);
    }

    public int driveCount() {
        return setCount * setSize;
    }

    /** The position of drive number {@code driveIndex} (0-based, in layout order). */
    public Position position(int driveIndex) {
        if (driveIndex < 0 || driveIndex >= driveCount()) {
            throw new IndexOutOfBoundsException("drive " + driveIndex + " of " + driveCount());
        }
        return new Position(driveIndex / setSize, driveIndex % setSize);
    }

    /** The 0-based drive number of a position: the inverse of {@link #position(int)}. */
    public int driveIndex(Position position) {
        if (position.set() >= setCount || position.index() >= setSize) {
            throw new IndexOutOfBoundsException(position + " is outside " + this);
        }
        return position.set() * setSize + position.index();
    }

    /** For messages, e.g. {@code "2 sets × 4 drives = 8"}. */
    @Override
    public String toString() {
        return setCount + (setCount == 1 ? " set × " : " sets × ") + setSize
                + (setSize == 1 ? " drive = " : " drives = ") + driveCount();
    }
}
