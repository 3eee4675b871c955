package dev.cairn.storage.format;

/**
 * How many drives of an erasure set must answer for an object written with {@code data} data and
 * {@code parity} parity shards.
 *
 * <p>Read quorum is {@code data}: any {@code data} shards rebuild the object. Write quorum is {@code data} too,
 * plus one when {@code data == parity}: otherwise two writes that each reached exactly half of the set could
 * both claim success, and a later read could not tell which is current.
 */
public record Quorum(int data, int parity) {

    public Quorum {
        if (data < 1) {
            throw new IllegalArgumentException("an object needs at least one data shard, got " + data);
        }
        if (parity < 0) {
            throw new IllegalArgumentException("parity is never negative, got " + parity);
        }
    }

    /** The quorum for a set of {@code setSize} drives protected by {@code parity}. */
    public static Quorum forSet(int setSize, int parity) {
        return new Quorum(setSize - parity, parity);
    }

    /** Drives that must acknowledge a write: {@code data}, plus one when {@code data == parity}. */
    public static int writeQuorum(int data, int parity) {
        return new Quorum(data, parity).write();
    }

    /** Drives that must answer a read: {@code data}. */
    public static int readQuorum(int data, int parity) {
        return new Quorum(data, parity).read();
    }

    public int write() {
        return data == parity ? data + 1 : data;
    }

    public int read() {
        return data;
    }

    /** Shards per object, which is the set size. */
    public int total() {
        return data + parity;
    }
}
