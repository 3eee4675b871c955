package dev.cairn.storage.erasure;

import dev.cairn.storage.meta.ObjectMeta;
import dev.cairn.storage.meta.ObjectVersion;

import java.util.Optional;
import java.util.UUID;

/**
 * Which version the drives of a set agree on. Each drive that answered proposes its record of the version asked
 * for (or its latest); identical proposals ({@link ObjectVersion#sameVersionAs}) are grouped and the largest
 * group wins, the newer one on a tie. Whether the winner is enough is the caller's call: that depends on the
 * version's own erasure geometry.
 *
 * @param winner        the agreed version, null when no drive proposed one
 * @param byPosition    each agreeing drive's own record, null elsewhere
 * @param agreeing      size of the winning group
 * @param withoutVersion drives that answered but lack the version asked for
 * @param latest        whether the winner is the newest version on the agreeing drives
 */
record VersionQuorum(ObjectVersion winner, ObjectVersion[] byPosition, int agreeing, int withoutVersion,
                     boolean latest) {

    static VersionQuorum decide(DriveResults<ObjectMeta> metas, UUID versionId) {
        int n = metas.size();
        ObjectVersion[] proposals = new ObjectVersion[n];
        int without = 0;
        for (int i = 0; i < n; i++) {
            if (!metas.ok(i)) {
                continue;
            }
            ObjectMeta m = metas.value(i);
            Optional<ObjectVersion> v = versionId == null ? m.latest() : m.find(versionId);
            if (v.isPresent()) {
                proposals[i] = v.get();
            } else {
                without++;
            }
        }
        ObjectVersion best = null;
        int bestCount = 0;
        for (int i = 0; i < n; i++) {
            if (proposals[i] == null) {
                continue;
            }
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (proposals[j] != null && proposals[j].sameVersionAs(proposals[i])) {
                    count++;
                }
            }
            if (count > bestCount || count == bestCount && proposals[i].modTime() > best.modTime()) {
                best = proposals[i];
                bestCount = count;
            }
        }
        ObjectVersion[] byPosition = new ObjectVersion[n];
        boolean latest = versionId == null;
        for (int i = 0; i < n && best != null; i++) {
            if (proposals[i] != null && proposals[i].sameVersionAs(best)) {
                byPosition[i] = proposals[i];
                if (!latest) {
                    latest = metas.value(i).latest().map(l -> l.versionId().equals(versionId)).orElse(false);
                }
            }
        }
        return new VersionQuorum(best, byPosition, bestCount, without, latest);
    }
}
