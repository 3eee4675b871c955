package dev.cairn.storage.node;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a node is started with.
 *
 * @param drives          drive paths, ellipses already expanded, in argument order
 * @param standardParity  parity for STANDARD, empty for the set size's default
 * @param reducedParity   parity for REDUCED_REDUNDANCY, empty for the default
 * @param monitorInterval how often drives are checked for coming back, vanishing or being replaced
 * @param staleUploadExpiry multipart uploads older than this are aborted by an hourly sweep
 */
public record NodeSettings(List<String> drives, Optional<Integer> standardParity, Optional<Integer> reducedParity,
                           Duration monitorInterval, Duration staleUploadExpiry) {

    public NodeSettings(List<String> drives, Optional<Integer> standardParity, Optional<Integer> reducedParity,
                        Duration monitorInterval) {
        this(drives, standardParity, reducedParity, monitorInterval, Duration.ofHours(24));
    }

    public NodeSettings {
        drives = List.copyOf(drives);
    }

    public static NodeSettings of(List<String> drives) {
        return new NodeSettings(drives, Optional.empty(), Optional.empty(), Duration.ofSeconds(5), Duration.ofHours(24));
    }
}
