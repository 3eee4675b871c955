package dev.cairn.bench.load;

import java.util.Locale;

/** The operations of a load mix, by their {@code --ops} names. */
enum Op {
    PUT, GET, HEAD, LIST, DELETE,
    /** Multipart PUT: initiate, parts of at least 5 MiB in sequence, complete; timed as one operation. */
    MPU,
    /** {@code --raw}: an unsigned GET of the endpoint URL itself. */
    RAW;

    /** Whether the operation needs a key written earlier in the run. */
    boolean readsKey() {
        return this == GET || this == HEAD || this == DELETE;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Op parse(String name) {
        try {
            Op op = valueOf(name.strip().toUpperCase(Locale.ROOT));
            if (op == RAW) {
                throw new IllegalArgumentException("raw is chosen with --raw, not in --ops");
            }
            return op;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown operation '" + name + "' (put, get, head, list, delete, mpu)");
        }
    }
}
