package dev.cairn.storage.node;

import java.util.List;

/** What the admin status endpoint reports. */
public record NodeStatus(String deploymentId, int sets, int drivesPerSet, int dataShards, int parityShards,
                         boolean writable, List<List<DriveStatus>> drives, List<String> heals, int healQueued,
                         long healQueueHealed, long healQueueDropped) {

    public record DriveStatus(String path, String id, String state, String reason) {
    }
}
