package dev.cairn.storage.erasure;

import java.util.regex.Pattern;

/** S3 bucket naming rules (general purpose buckets). */
final class BucketNames {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    private BucketNames() {
    }

    static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches() && !name.contains("..") && !name.contains(".-")
                && !name.contains("-.") && !IP_ADDRESS.matcher(name).matches();
    }
}
