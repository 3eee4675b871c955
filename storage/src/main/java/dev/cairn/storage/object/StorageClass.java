package dev.cairn.storage.object;

/** Storage classes: each maps to a configured parity. */
public enum StorageClass {
    STANDARD,
    REDUCED_REDUNDANCY;

    public static StorageClass parse(String s) {
        if (s == null || s.isEmpty()) {
            return STANDARD;
        }
        return valueOf(s);
    }
}
