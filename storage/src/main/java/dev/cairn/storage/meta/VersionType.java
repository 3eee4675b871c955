package dev.cairn.storage.meta;

/** What a version is. The byte value is part of the on-disk format. */
public enum VersionType {
    OBJECT(1),
    DELETE_MARKER(2);

    final int code;

    VersionType(int code) {
        this.code = code;
    }

    static VersionType of(int code) {
        for (VersionType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new MetaFormatException("unknown version type " + code);
    }
}
