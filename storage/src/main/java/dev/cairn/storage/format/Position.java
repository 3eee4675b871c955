package dev.cairn.storage.format;

/** A drive's place in a deployment: erasure set {@code set}, index {@code index} within it, both 0-based. */
public record Position(int set, int index) implements Comparable<Position> {

    public Position {
        if (set < 0 || index < 0) {
            throw new IllegalArgumentException("a position is never negative: set " + set + ", index " + index);
        }
    }

    /** Set order, then index order: the order erasure shards are laid out in. */
    @Override
    public int compareTo(Position other) {
        return set != other.set ? Integer.compare(set, other.set) : Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return "set " + set + " index " + index;
    }
}
