package dev.cairn.storage.object;

import java.time.Instant;

public record BucketInfo(String name, Instant created) {
}
