package dev.cairn.storage.drive;

/**
 * Maps S3 keys to paths on a drive and back. A key is a directory; a key ending in {@code /} (a "folder"
 * object) would clash with the directory of the keys under it, so its last segment gets a suffix.
 *
 * <p>Refused keys: empty, a leading {@code /}, empty segments ({@code a//b}), {@code .} or {@code ..}
 * segments, NUL, and segments equal to {@link Drive#META_FILE} or ending in the folder suffix.
 */
public final class KeyPaths {

    static final String FOLDER_SUFFIX = "__CAIRNDIR__";

    private KeyPaths() {
    }

    /** The drive path of {@code key}, or {@link DriveError#INVALID_PATH}. */
    public static String toPath(String key) {
        if (!isValidKey(key)) {
            throw new DriveException(DriveError.INVALID_PATH, "key cannot be stored: " + printable(key));
        }
        return key.endsWith("/") ? key.substring(0, key.length() - 1) + FOLDER_SUFFIX : key;
    }

    /** The key stored at a drive path ({@link #toPath} reversed). */
    public static String toKey(String path) {
        return path.endsWith(FOLDER_SUFFIX) ? path.substring(0, path.length() - FOLDER_SUFFIX.length()) + "/" : path;
    }

    public static boolean isValidKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.indexOf('\0') >= 0) {
            return false;
        }
        String body = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        if (body.isEmpty()) {
            return false;
        }
        for (String segment : body.split("/", -1)) {
            if (!isValidSegment(segment)) {
                return false;
            }
        }
        return true;
    }

    static boolean isValidSegment(String segment) {
        return !segment.isEmpty() && !segment.equals(".") && !segment.equals("..") && !segment.equals(Drive.META_FILE)
                && !segment.endsWith(FOLDER_SUFFIX) && segment.indexOf('\0') < 0;
    }

    /**
     * S3 orders keys by their UTF-8 bytes, which is code point order; {@link String#compareTo} compares UTF-16
     * units and differs for characters outside the BMP.
     */
    public static int compareKeys(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String printable(String key) {
        if (key == null) {
            return "null";
        }
        String s = key.replace("\0", "\\0");
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
