package dev.cairn.storage.object;

/**
 * A listing request.
 *
 * @param prefix        keys must start with this ("" for all)
 * @param delimiter     rolls keys up into common prefixes at its first occurrence after the prefix; null for none
 * @param marker        list keys after this one (exclusive); null to start at the beginning
 * @param versionMarker for version listings: continue after this version of {@code marker}
 * @param maxKeys       at most this many objects plus common prefixes (1..1000 from the API; 0 is allowed)
 */
public record ListOptions(String prefix, String delimiter, String marker, String versionMarker, int maxKeys) {

    public ListOptions {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    }
}
