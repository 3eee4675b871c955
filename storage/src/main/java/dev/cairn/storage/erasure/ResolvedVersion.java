package dev.cairn.storage.erasure;

import dev.cairn.storage.meta.ObjectVersion;

/**
 * A version as a quorum of drives agrees on it.
 *
 * @param version    the agreed version (as the first agreeing drive recorded it)
 * @param byPosition each position's own record of it (its shard index and inline bytes), null where the
 *                   drive is missing, stale or disagrees
 * @param latest     whether it is the key's newest version
 * @param agreeing   how many drives agree
 */
record ResolvedVersion(ObjectVersion version, ObjectVersion[] byPosition, boolean latest, int agreeing) {

    boolean complete() {
        return agreeing == byPosition.length;
    }
}
