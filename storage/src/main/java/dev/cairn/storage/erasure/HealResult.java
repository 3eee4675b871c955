package dev.cairn.storage.erasure;

/**
 * What healing one key did.
 *
 * @param versionsHealed versions rewritten onto drives that lacked them or held bad shards
 * @param shardsWritten  drive copies written
 * @param danglingRemoved versions found on too few drives to ever reach quorum (uncommitted writes), removed
 * @param unresolved     versions that could not be decided now (too many drives offline)
 */
public record HealResult(int versionsHealed, int shardsWritten, int danglingRemoved, int unresolved) {

    public static final HealResult NOTHING = new HealResult(0, 0, 0, 0);

    HealResult plus(HealResult o) {
        return new HealResult(versionsHealed + o.versionsHealed, shardsWritten + o.shardsWritten,
                danglingRemoved + o.danglingRemoved, unresolved + o.unresolved);
    }
}
